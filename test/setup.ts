// jsdom lacks ResizeObserver, which Fluent UI's MessageBar and overflow components need.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// findBy*/waitFor wait up to 10 s (testing-library's default is 1 s): a merge in the fake
// host, or a lazy chunk, takes longer than a second when the machine runs other tests.
if (typeof window !== 'undefined') {
  (require('@testing-library/dom') as typeof import('@testing-library/dom')).configure({ asyncUtilTimeout: 10000 });
}
export {};
