// A client that stalls mid-request loses its connection instead of holding it forever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { startApp } from './support';

test('a connection that stops sending in the middle of its headers is closed after the idle timeout', async () => {
  const live = await startApp({ idleTimeoutMs: 300 });
  try {
    const socket = connect(live.port, '127.0.0.1');
    const closed = new Promise<number>((resolve) => {
      const opened = Date.now();
      socket.on('close', () => resolve(Date.now() - opened));
      socket.on('error', () => undefined);
    });
    socket.write('POST /sim/models/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
    // The guard only bounds a failing run; a passing one ends when the server closes the socket.
    const guard = new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), 10_000).unref());
    const outcome = await Promise.race([closed, guard]);
    socket.destroy();
    assert.notEqual(outcome, 'still open', 'the server kept a stalled connection open for 10 s');
  } finally {
    await live.close();
  }
});
