import { expose, wrap, type Remote } from 'comlink'
import type { MyDataApi } from './my-data-api'

/** A running job of the import worker: its answer, and cancel (terminates the worker; the answer rejects). */
export interface MyDataJob<T> {
  result: Promise<T>
  cancel(): void
}

export class MyDataCancelled extends Error {
  constructor() {
    super('cancelled')
    this.name = 'MyDataCancelled'
  }
}

/** No Worker (happy-dom tests, old webviews): the same functions in the page behind the same Comlink interface. */
function pageEndpoint(): { endpoint: MessagePort; close(): void } {
  const { port1, port2 } = new MessageChannel()
  void import('./my-data-api').then((module) => expose(module.myDataApi, port2))
  return { endpoint: port1, close: () => { port1.close(); port2.close() } }
}

/**
 * Runs `work` in a fresh import worker that ends with the job: a validation loop cannot be interrupted, so
 * terminating its worker is the only real cancel.
 */
export function runMyDataJob<T>(work: (api: Remote<MyDataApi>) => Promise<T>): MyDataJob<T> {
  const worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./my-data.worker.ts', import.meta.url), { type: 'module' })
  const channel = worker ? { endpoint: worker, close: () => worker.terminate() } : pageEndpoint()
  let stop: (reason: Error) => void = () => {}
  const stopped = new Promise<never>((_, reject) => { stop = reject })
  worker?.addEventListener('error', (event) => stop(new Error(event.message || 'import worker failed')))
  const result = Promise.race([work(wrap<MyDataApi>(channel.endpoint)), stopped]).finally(() => channel.close())
  return {
    result,
    cancel() {
      stop(new MyDataCancelled())
      channel.close()
    },
  }
}
