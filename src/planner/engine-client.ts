import type { EngineEnvelope, EngineReply, EngineRequest, EngineResponse } from './protocol'

export interface EngineClient {
  request(request: EngineRequest): Promise<EngineResponse>
  dispose(): void
}

/** Talks to the coverage worker; requests are answered in order. */
function workerClient(): EngineClient {
  const worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module' })
  const waiting = new Map<number, (response: EngineResponse) => void>()
  let seq = 0
  worker.onmessage = (event: MessageEvent<EngineReply>) => {
    waiting.get(event.data.seq)?.(event.data.response)
    waiting.delete(event.data.seq)
  }
  worker.onerror = (event) => {
    for (const resolve of waiting.values()) resolve({ kind: 'error', message: event.message || 'worker failed' })
    waiting.clear()
  }
  return {
    request(request) {
      seq += 1
      const envelope: EngineEnvelope = { seq, request }
      return new Promise((resolve) => {
        waiting.set(envelope.seq, resolve)
        worker.postMessage(envelope)
      })
    },
    dispose() { worker.terminate() },
  }
}

/** Runs the engine in the page (no Worker support, e.g. happy-dom tests); loaded only when needed. */
function pageClient(): EngineClient {
  const engine = import('./planner-engine').then((module) => module.createPlannerEngine())
  return {
    async request(request) {
      const live = await engine
      try { return live.handle(request) } catch (error) {
        return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
      }
    },
    dispose() {},
  }
}

/** The coverage engine behind a promise API: a Web Worker where available, the page otherwise. */
export function createEngineClient(): EngineClient {
  return typeof Worker === 'undefined' ? pageClient() : workerClient()
}
