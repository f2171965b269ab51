// jsdom has no TextDecoder/TextEncoder; the xlsx reader needs them (browsers have them). Import first.
import { TextDecoder, TextEncoder } from 'util';
Object.assign(globalThis, { TextDecoder, TextEncoder });
export {};
