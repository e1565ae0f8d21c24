// Host example for 张家港托育地图: iframes the app and drives it through the postMessage API. Plain script, no
// inline code (the app's CSP and most government sites forbid it). Every message is sent to the app's exact origin
// and every incoming message is checked against that origin before it is shown (as text, never as HTML).
const PREFIX = 'zjg-childcare/'
const params = new URLSearchParams(location.search)
const appUrl = new URL(params.get('app') ?? './?embed=1', location.href)
if (appUrl.protocol !== 'https:' && appUrl.protocol !== 'http:') throw new Error('app must be an http(s) URL')
if (!appUrl.searchParams.has('embed')) appUrl.searchParams.set('embed', '1')
const appOrigin = appUrl.origin

const frame = document.getElementById('app-frame')
const log = document.getElementById('message-log')
const status = document.getElementById('host-status')
/** Every message the app sent, for people (the log) and for tests (window.embedDemo). */
const received = []
window.embedDemo = { appOrigin, received, send }

function send(message) {
  frame.contentWindow.postMessage(message, appOrigin)
}

function show(message) {
  const item = document.createElement('li')
  item.textContent = JSON.stringify(message)
  log.prepend(item)
  while (log.children.length > 50) log.lastElementChild.remove()
}

window.addEventListener('message', (event) => {
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return
  const message = event.data
  if (typeof message !== 'object' || message === null || typeof message.type !== 'string' || !message.type.startsWith(PREFIX)) return
  received.push(message)
  show(message)
  switch (message.type) {
    case 'zjg-childcare/ready':
      status.textContent = `应用已就绪 Ready: version ${message.version}, data ${message.dataVersion}`
      break
    case 'zjg-childcare/navigate':
      // A native host would open its map SDK at message.gcj02 here.
      status.textContent = `导航 Navigate: ${message.name} GCJ-02 ${message.gcj02.join(', ')}`
      break
    case 'zjg-childcare/call':
      status.textContent = `拨打 Call: ${message.phone}`
      break
    case 'zjg-childcare/resize':
      // An iframe host could size the frame to message.height; this demo keeps a phone-sized frame.
      break
  }
})

document.getElementById('filters-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const form = new FormData(event.currentTarget)
  const filters = { types: form.getAll('types'), puhui: form.has('puhui'), q: String(form.get('q') ?? '') }
  const age = String(form.get('age') ?? '')
  filters.age = age === '' ? null : Number(age)
  send({ type: 'zjg-childcare/setFilters', filters })
})

document.getElementById('select-form').addEventListener('submit', (event) => {
  event.preventDefault()
  send({ type: 'zjg-childcare/select', id: String(new FormData(event.currentTarget).get('id')) })
})

document.getElementById('location-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const form = new FormData(event.currentTarget)
  send({ type: 'zjg-childcare/setLocation', lng: Number(form.get('lng')), lat: Number(form.get('lat')) })
})

for (const button of document.querySelectorAll('[data-view]')) {
  button.addEventListener('click', () => send({ type: 'zjg-childcare/setView', view: button.dataset.view }))
}

frame.src = appUrl.href
