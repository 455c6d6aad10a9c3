/**
 * `container:IMAGE[:TAG]`: an emulator image started in the calling process with testcontainers
 * (the worker thread only ever sees its URL), tested as an http target, then stopped and removed.
 *
 * Removal is ours, never left to testcontainers' reaper (Ryuk): its image cannot be pulled
 * everywhere, and CI runs with TESTCONTAINERS_RYUK_DISABLED=true.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { GenericContainer, getContainerRuntimeClient, Wait, type StartedTestContainer } from 'testcontainers';

/** Beside report.json: what the emulator printed while it was tested. */
export const CONTAINER_LOG = 'container.log';
/** Covers a pull of an absent image and the emulator's own start. */
const STARTUP_TIMEOUT_MS = 120_000;
/** The log stream ends when the container stops; a stuck engine must not hold the run. */
const LOG_DRAIN_MS = 5_000;
/** Every container a run starts carries it, so a leftover is easy to find (`docker ps -a --filter label=…`). */
export const CONTAINER_LABEL = 'tunnel-conformance';

export interface ContainerSettings {
  image: string;
  /** the port the emulator listens on inside the container */
  port: number;
  env: Record<string, string>;
}

export interface RunningContainer {
  /** http://HOST:MAPPED_PORT on this machine */
  endpoint: string;
  /** Stops and removes the container and closes its log; rejects when the container may be left behind. */
  stop(): Promise<void>;
}

/** The run cannot use a container (exit 2). */
class ContainerError extends Error {}

const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0];

async function assertEngine(image: string) {
  try {
    await getContainerRuntimeClient();
  } catch (e) {
    throw new ContainerError(
      `container:${image} needs a Docker engine and none is reachable (${firstLine(e)}): start dockerd, or set DOCKER_HOST to its socket (e.g. unix:///var/run/docker.sock)`,
    );
  }
}

/** testcontainers pulls its reaper image (Ryuk) before ours; offline, that pull is what fails. */
const reaperHint = () =>
  process.env.TESTCONTAINERS_RYUK_DISABLED === 'true' ? '' : '; without registry access set TESTCONTAINERS_RYUK_DISABLED=true (the run removes its container itself)';

/** Starts the image and resolves once its port answers HTTP; its log streams into `logPath` until it stops. */
export async function startContainer(settings: ContainerSettings, logPath: string): Promise<RunningContainer> {
  await assertEngine(settings.image);
  mkdirSync(dirname(logPath), { recursive: true });
  const log = createWriteStream(logPath);
  let logging = false;
  const logClosed = async () => {
    if (!logging) log.end();
    const drained = finished(log).catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, LOG_DRAIN_MS)))]);
    clearTimeout(timer);
    log.end();
  };

  let container: StartedTestContainer;
  try {
    container = await new GenericContainer(settings.image)
      .withExposedPorts(settings.port)
      .withEnvironment(settings.env)
      .withLabels({ [CONTAINER_LABEL]: 'target' })
      // Any HTTP answer means the emulator is serving. Not Wait.forListeningPorts(): it execs a
      // shell inside the container, and emulator images (ours included) may have none.
      .withWaitStrategy(Wait.forHttp('/', settings.port, { abortOnContainerExit: true }).forStatusCodeMatching(() => true))
      .withStartupTimeout(STARTUP_TIMEOUT_MS)
      .withLogConsumer((stream) => {
        logging = true;
        stream.pipe(log);
      })
      .start();
  } catch (e) {
    // testcontainers removes a container that never became ready.
    await logClosed();
    throw new ContainerError(`container:${settings.image} did not start: ${firstLine(e)} (its output: ${logPath})${reaperHint()}`);
  }
  // localhost may resolve to ::1 where the engine publishes IPv4 only.
  const host = container.getHost() === 'localhost' ? '127.0.0.1' : container.getHost();
  // Last resort when the process exits without the run's cleanup (a second signal exits at
  // once): only synchronous work runs then, so the docker CLI, best effort.
  const removeOnExit = () => spawnSync('docker', ['rm', '--force', '--volumes', container.getId()], { stdio: 'ignore', timeout: 10_000 });
  process.once('exit', removeOnExit);
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://${host}:${container.getMappedPort(settings.port)}`,
    stop() {
      stopped ??= (async () => {
        process.off('exit', removeOnExit);
        try {
          await container.stop({ remove: true, removeVolumes: true });
        } catch (e) {
          throw new ContainerError(`could not remove container ${container.getId()} (${settings.image}): ${firstLine(e)}; remove it with docker rm -f`);
        } finally {
          await logClosed();
        }
      })();
      return stopped;
    },
  };
}
