/// <reference lib="webworker" />
import { expose } from 'comlink'
import { PlannerEngine } from './planner-engine'

// The same src/lib engine as the build script and the tests, off the main thread so dragging stays smooth.
expose(new PlannerEngine())
