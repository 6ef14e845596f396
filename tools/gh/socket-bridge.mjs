// Bridges a unix socket to the emulator's loopback TCP port, for the GitHub CLI (gh) tests.
// gh talks to an Enterprise host over https only, but its `http_unix_socket` setting sends every request as plain
// HTTP through a unix socket (go-gh dials the socket for TLS connections too): with this bridge, gh reaches the
// http emulator with no TLS and nothing installed beyond gh itself.
// Usage: node socket-bridge.mjs <socket path> <port>; prints "listening" once ready; ends when stdin closes.
import net from "node:net";
import fs from "node:fs";

const [socketPath, port] = process.argv.slice(2);
if (!socketPath || !port) {
  console.error("usage: node socket-bridge.mjs <socket path> <port>");
  process.exit(2);
}

fs.rmSync(socketPath, { force: true });
const server = net.createServer((client) => {
  const upstream = net.connect(Number(port), "127.0.0.1");
  client.pipe(upstream).pipe(client);
  client.on("error", () => upstream.destroy());
  upstream.on("error", () => client.destroy());
});
server.listen(socketPath, () => console.log("listening"));
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
