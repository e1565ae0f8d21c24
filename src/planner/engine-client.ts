import { expose, wrap, type Remote } from 'comlink'
import type { PlannerEngine } from './planner-engine'

export type RemoteEngine = Remote<PlannerEngine>

/** The planner engine behind Comlink, owned by whoever created it. */
export interface EngineClient {
  /**
   * Runs engine calls; rejects when the engine throws, when the worker dies (Comlink would leave the call pending
   * forever) and when the client is disposed.
   */
  run<T>(work: (engine: RemoteEngine) => Promise<T>): Promise<T>
  /** Terminates the worker; pending and later calls reject. */
  dispose(): void
}

interface Channel { endpoint: Worker | MessagePort; close(): void; onFailure(fail: (reason: string) => void): void }

/** The engine in a module Web Worker. */
function workerChannel(): Channel {
  const worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module' })
  return {
    endpoint: worker,
    close: () => worker.terminate(),
    onFailure: (fail) => worker.addEventListener('error', (event) => fail(event.message || 'worker failed')),
  }
}

/** No Worker support (old webviews, happy-dom tests): the same engine in the page, behind the same Comlink interface. */
function pageChannel(): Channel {
  const { port1, port2 } = new MessageChannel()
  void import('./planner-engine').then((module) => expose(new module.PlannerEngine(), port2))
  return {
    endpoint: port1,
    close: () => { port1.close(); port2.close() },
    onFailure: () => {},
  }
}

/** Starts the coverage engine: a Web Worker where available, the page otherwise. */
export function createEngineClient(): EngineClient {
  const channel = typeof Worker === 'undefined' ? pageChannel() : workerChannel()
  const engine = wrap<PlannerEngine>(channel.endpoint)
  let fail: (reason: Error) => void = () => {}
  const failed = new Promise<never>((_, reject) => { fail = reject })
  failed.catch(() => {}) // observed by the calls that race it
  let closed: Error | null = null
  const stop = (reason: string) => {
    closed ??= new Error(reason)
    fail(closed)
  }
  channel.onFailure(stop)
  return {
    run(work) {
      return closed ? Promise.reject(closed) : Promise.race([work(engine), failed])
    },
    dispose() {
      stop('engine disposed')
      channel.close()
    },
  }
}
