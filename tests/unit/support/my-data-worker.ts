import { expose, wrap, type Remote } from 'comlink'
import { afterEach } from 'vitest'
import { myDataApi, type MyDataApi } from '../../../src/data/my-data-api'

const ports: MessagePort[] = []
afterEach(() => { for (const port of ports.splice(0)) port.close() })

/** The import API behind Comlink on a MessageChannel, as the page talks to the import worker; closed after each test. */
export function myDataWorker(): Remote<MyDataApi> {
  const { port1, port2 } = new MessageChannel()
  ports.push(port1, port2)
  expose(myDataApi, port2)
  return wrap<MyDataApi>(port1)
}
