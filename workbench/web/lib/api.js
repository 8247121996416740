// The API client: every call the page makes to `verhaal serve` (docs/serve.md).
// Same-origin only; the session cookie authenticates, changes carry the
// per-session CSRF header from GET /api/project. Failures throw an ApiError
// with the server's message, the HTTP status and the field at fault.

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field || '';
  }
}

let csrf = '';

async function call(method, path, body) {
  const headers = {Accept: 'application/json'};
  const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
  if (method !== 'GET') {
    headers['X-Verhaal-CSRF'] = csrf;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError(0, String(error && error.message || error), '');
  }
  if (response.status === 204) return null;
  let data = null;
  const text = await response.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = {error: text.slice(0, 200)};
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, (data && data.error) || response.statusText, data && data.field);
  }
  return data;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

export async function getProject() {
  const project = await call('GET', '/api/project');
  csrf = project.csrf || '';
  return project;
}

export const getCodebook = () => call('GET', '/api/codebook');
export const listStories = (params) => call('GET', `/api/stories${query(params)}`);
export const getStory = (key) => call('GET', `/api/stories/${enc(key)}`);
export const addCoding = (key, body) => call('POST', `/api/stories/${enc(key)}/codings`, body);
export const changeCoding = (id, body) => call('PATCH', `/api/codings/${enc(id)}`, body);
export const removeCoding = (id) => call('DELETE', `/api/codings/${enc(id)}`);
export const undo = () => call('POST', '/api/undo');
export const redo = () => call('POST', '/api/redo');
export const addCode = (body) => call('POST', '/api/codebook/codes', body);
export const changeCode = (path, body) => call('PATCH', `/api/codebook/codes/${enc(path)}`, body);
export const mergeCodes = (from, into) => call('POST', '/api/codebook/merge', {from, into});
export const getMatrix = (params) => call('GET', `/api/matrix${query(params)}`);
// The address of the matrix as SVG (a link downloads it with the session's cookie).
export const matrixSvgUrl = (params) => `/api/matrix.svg${query(params)}`;
export const getMatrixQuotes = (params) => call('GET', `/api/matrix/quotes${query(params)}`);
export const getCodePassages = (params) => call('GET', `/api/code/passages${query(params)}`);
export const getTeam = (params) => call('GET', `/api/team${query(params)}`);
export const getTeamDisagreements = (params) => call('GET', `/api/team/disagreements${query(params)}`);
export const settle = (body) => call('POST', '/api/team/settle', body);
export const getSignifierPlot = (params) => call('GET', `/api/signifiers/plot${query(params)}`);
export const getSets = () => call('GET', '/api/sets');
export const saveSet = (body) => call('POST', '/api/sets', body);
export const renameSet = (name, newName) => call('PATCH', `/api/sets/${enc(name)}`, {name: newName});
export const deleteSet = (name) => call('DELETE', `/api/sets/${enc(name)}`);
export const getMemos = (params) => call('GET', `/api/memos${query(params)}`);
export const getRules = () => call('GET', '/api/rules');
export const getRuleCodings = (params) => call('GET', `/api/rules/codings${query(params)}`);
export const getPrivacy = (params) => call('GET', `/api/privacy${query(params)}`);
export const decidePrivacy = (body) => call('POST', '/api/privacy/decisions', body);
export const undecidePrivacy = (params) => call('DELETE', `/api/privacy/decisions${query(params)}`);
export const decideRuleCoding = (id, decision) => call('POST', `/api/rules/codings/${enc(id)}/decision`, {decision});

// Calls `onEvent(type, data)` for each server-sent event (coding, codebook,
// external). EventSource reconnects by itself; `onEvent('reconnect')` says the
// page may have missed events and should reload what it shows.
export function listen(onEvent) {
  const source = new EventSource('/api/events');
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) onEvent('reconnect', {});
    opened = true;
  });
  for (const type of ['coding', 'codebook', 'external', 'privacy', 'sets']) {
    source.addEventListener(type, (event) => {
      let data = {};
      try {
        data = JSON.parse(event.data);
      } catch {
        // An event without JSON still says something changed.
      }
      onEvent(type, data);
    });
  }
  return source;
}
