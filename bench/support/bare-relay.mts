/**
 * The chat benchmark's baseline: a bare Socket.IO relay that acknowledges and delivers each
 * message to its room, storing nothing. Prints { port }.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
let next = 1;
io.on('connection', (socket) => {
  const room = String(socket.handshake.auth.room);
  void socket.join(room);
  socket.on('message:send', (payload: { conversationId: number; body: string }, ack: (answer: unknown) => void) => {
    const message = { id: next++, conversationId: payload.conversationId, body: payload.body, sender: null, createdAt: new Date().toISOString() };
    ack({ data: message });
    io.to(room).emit('message:new', message);
  });
});
http.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (http.address() as { port: number }).port })));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
