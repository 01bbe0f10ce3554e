/**
 * `npm start`: the composition root. Reads `.env` and the environment, starts
 * the server with the real adapters, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { config as loadDotenv } from 'dotenv';
import { isSocialCheckError } from '../src/core/errors.ts';
import { loadConfig } from '../src/server/config.ts';
import { startApp } from './app.ts';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (isSocialCheckError(error, 'config_invalid')) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await startApp({ config });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      app.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    app.logger.info({ signal }, 'signal received');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ error: (error as Error).message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = isSocialCheckError(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`social-check failed to start: ${message}\n`);
  process.exit(1);
});
