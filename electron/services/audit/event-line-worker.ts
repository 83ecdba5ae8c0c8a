// Worker thread body for readEventBatches: parses and hashes batches of lines, replying in order.
import { parentPort } from 'node:worker_threads';
import { readEventLine } from './event-line.ts';

const port = parentPort!;
port.on('message', (texts: string[]) => port.postMessage(texts.map((text) => readEventLine(text))));
