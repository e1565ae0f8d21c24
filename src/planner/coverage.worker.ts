/// <reference lib="webworker" />
import { createPlannerEngine } from './planner-engine'
import type { EngineEnvelope, EngineReply } from './protocol'

// The same src/lib engine as the build script and the tests, off the main thread so dragging stays smooth.
const engine = createPlannerEngine()

self.onmessage = (event: MessageEvent<EngineEnvelope>) => {
  const { seq, request } = event.data
  let reply: EngineReply
  try {
    reply = { seq, response: engine.handle(request) }
  } catch (error) {
    reply = { seq, response: { kind: 'error', message: error instanceof Error ? error.message : String(error) } }
  }
  self.postMessage(reply)
}
