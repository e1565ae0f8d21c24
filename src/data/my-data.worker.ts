/// <reference lib="webworker" />
import { expose } from 'comlink'
import { myDataApi } from './my-data-api'

// Parsing and validating 20,000 rows takes seconds: off the page, and cancelled by terminating this worker.
expose(myDataApi)
