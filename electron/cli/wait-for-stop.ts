/** Resolves to exit status 0 once SIGINT or SIGTERM arrived and `close` finished. */
export function waitForStopSignal(close: () => Promise<void>): Promise<number> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void close().then(() => done(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
