/**
 * The Web Worker that runs the pane's heavy jobs (jobs.ts) off the page's thread, so a
 * 1,000-file merge or print pack never freezes the pane. Started by spawn.ts; where the
 * machine has more than two cores a second one shares the files of a merge or check with
 * the one running it (intake.ts, peer.ts). What it does with each message: serve.ts.
 */
import { hasStreamDeflate, setZipCodec, streamCodec } from '../../workbook/xlsx/codec';
import { JOBS } from './jobs';
import { connectPeer } from './peer';
import type { FromWorker, ToWorker } from './protocol';
import { serveJobs } from './serve';

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

// The summary and other zips written here are deflated by the browser itself (not fflate): see codec.ts.
if (hasStreamDeflate()) setZipCodec(streamCodec);

const served = serveJobs(JOBS, (message, transfer) => scope.postMessage(message, transfer));
let peer: ReturnType<typeof connectPeer> | undefined;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'peer') {
    peer = connectPeer(msg.port);
    served.setPeer(peer);
    return;
  }
  if (msg.type === 'peerGone') {
    peer?.gone();
    peer = undefined;
    served.setPeer(undefined);
    return;
  }
  served.handle(msg);
};
