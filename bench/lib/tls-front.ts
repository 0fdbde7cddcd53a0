/**
 * A local stand-in for Cloudflare's edge in front of the worker, for the HTTP
 * Observatory: HTTPS on port 443 with a certificate made for this run, and
 * plain HTTP on port 80 answering with a redirect to HTTPS, as the zone's
 * "Always Use HTTPS" setting does in production (docs/DEPLOYMENT.md). The
 * Observatory always connects to ports 80 and 443 of the host it scans.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SetupError } from '../../scripts/lib/fail';

export interface TlsFront {
  /** The certificate (PEM) clients must trust to verify the front. */
  certificate: string;
  close(): Promise<void>;
}

/** A self-signed certificate for an IP address, valid for a day, made with openssl. */
async function selfSignedCertificate(ip: string): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cho-htx-tls-'));
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=Cho HTX local scan',
      '-addext',
      `subjectAltName=IP:${ip}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    return { key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') };
  } catch (error) {
    throw new SetupError(`Making a certificate with openssl failed: ${(error as Error).message}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new SetupError(
          error.code === 'EACCES'
            ? `Listening on port ${port} needs root (or CAP_NET_BIND_SERVICE): the Observatory only scans ports 80 and 443.`
            : `Cannot listen on ${host}:${port}: ${error.message}`,
        ),
      );
    });
    server.listen(port, host, () => resolvePromise());
  });
}

/** Serves `upstream` (an http:// origin) as https://{host}/ and redirects http://{host}/ there. */
export async function startTlsFront(host: string, upstream: string): Promise<TlsFront> {
  const { key, cert } = await selfSignedCertificate(host);
  const target = new URL(upstream);
  const https = createHttpsServer({ key, cert }, (req, res) => {
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'x-forwarded-proto': 'https' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  const http = createHttpServer((req, res) => {
    res.writeHead(301, { location: `https://${host}${req.url ?? '/'}` }).end();
  });
  await listen(https, host, 443);
  try {
    await listen(http, host, 80);
  } catch (error) {
    https.close();
    throw error;
  }
  const close = (server: Server) =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
  return { certificate: cert, close: async () => void (await Promise.all([close(https), close(http)])) };
}
