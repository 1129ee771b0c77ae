#!/usr/bin/env node
'use strict';
// The Coupontools simulator: the same Prism server, engine and request validation as
// coupontools-mock.js, with state. Valid calls of the operations below read and change an
// in-memory account (coupons, sessions, groups, contacts, an outbox, emitted webhooks); an
// invalid request, a `Prefer` header or an operation without a handler gets the stateless mock's
// answer. Refusals are the contract's named error examples, served by Prism; success bodies are
// the contract's `success` examples with the state's values put in. Prism validates every
// response against the contract (`errors: true` turns one that does not validate into a 500, and
// the simulator counts it in /__simulator/state).
//
// usage: node coupontools-simulator.js [--host 127.0.0.1] [--port 4010] [-v info] [--seed N]
//        [--max-sessions N] <spec>

const http = require('http');
const { createServer } = require('@stoplight/prism-http-server');
const { getHttpOperationsFromSpec } = require('@stoplight/prism-http');
const prismMock = require('@stoplight/prism-http/dist/mocker').default;
const { createLogger } = require('@stoplight/prism-core');
const E = require('fp-ts/Either');
const { Writable } = require('stream');
const { truthfulMock } = require('./coupontools-mock.js');

const CONTROL = '/__simulator';
const PAGE_SIZE = 100; // the page size the session lists document on this page (contract note 14)
const DEFAULT_MAX_SESSIONS = 200000; // about 70 MB of heap: 100 000 sessions measured 35 MB
const DAY = 24 * 3600 * 1000;
const MAX_EVENTS = 10000; // emitted events webhook/verification still confirms, sends in the outbox
const MAX_KEPT_PAYLOADS = 1000; // emitted payloads kept for /__simulator/webhooks

function parseArgs(argv) {
  const options = { host: '127.0.0.1', port: 4010, level: 'info', seed: 1, maxSessions: DEFAULT_MAX_SESSIONS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--host' || arg === '-h') options.host = argv[++i];
    else if (arg === '--port' || arg === '-p') options.port = Number(argv[++i]);
    else if (arg === '-v' || arg === '--verboseLevel') options.level = argv[++i];
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--max-sessions') options.maxSessions = Number(argv[++i]);
    else if (!arg.startsWith('-')) options.spec = arg;
    else throw new Error(`Unknown option ${arg}`);
  }
  if (!options.spec) throw new Error('usage: coupontools-simulator.js [--host H] [--port P] [-v level] [--seed N] <spec>');
  return options;
}

// mulberry32: a small seeded generator, so a seed fixes every generated ID and code.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DIGITS = '0123456789';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function utc(ms) {
  return ms == null ? '' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

// 'yyyy-MM-dd', 'yyyy-MM-dd hh:mm', 'yyyy-MM-dd hh-mm' or 'yyyy-MM-dd HH:mm:ss', read as UTC.
function parseUtc(text, endOfDay) {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2})[:-](\d{2})(?::(\d{2}))?)?$/.exec(String(text));
  if (!m) return undefined;
  if (m[4] === undefined) {
    return Date.UTC(+m[1], +m[2] - 1, +m[3]) + (endOfDay ? DAY - 1000 : 0);
  }
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0)) + (endOfDay && m[6] === undefined ? 59000 : 0);
}

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

// ---- what the contract provides: examples by operation and name -------------------------------

class Contract {
  constructor(operations) {
    this.byId = new Map(operations.map(op => [op.iid, op]));
  }

  operation(id) {
    return this.byId.get(id);
  }

  // The named example of an operation's response and the status it is served on.
  example(id, name, status) {
    const op = this.byId.get(id);
    for (const response of (op && op.responses) || []) {
      if (status && response.code !== String(status)) continue;
      for (const content of response.contents || []) {
        const found = (content.examples || []).find(e => e.key === name);
        if (found) return { status: Number(response.code), value: found.value };
      }
    }
    return undefined;
  }

  success(id, name = 'success') {
    const found = this.example(id, name, 200);
    if (!found) throw new Error(`The contract has no 200 example '${name}' for ${id}`);
    return clone(found.value);
  }

  successOrEmpty(id) {
    const found = this.example(id, 'success', 200);
    return found ? clone(found.value) : {};
  }

  requestExamples(id) {
    const op = this.byId.get(id);
    const contents = (op && op.request && op.request.body && op.request.body.contents) || [];
    return [].concat(...contents.map(c => (c.examples || []).map(e => e.value)));
  }
}

// ---- the state -----------------------------------------------------------------------------------

// A session, kept small: 100 000 of them are one of the documented memory figures.
function newSession(code, campaign, seq, created) {
  return {
    code, campaign, seq, created,
    openedAt: null, claimedAt: null, validatedAt: null, voidedAt: null, unvoidedAt: null,
    voided: false, locked: false, expiry: null,
    valcode: '', value: '', customid: '', email: '', phone: '', firstname: '', lastname: '',
    fields: null,
  };
}

class State {
  constructor(contract, options) {
    this.contract = contract;
    this.maxSessions = options.maxSessions;
    this.reset(options.seed);
  }

  reset(seed) {
    this.seed = seed === undefined ? this.seed : Number(seed);
    this.random = random(this.seed);
    this.fixedNow = null;
    this.coupons = new Map();
    this.sessions = new Map(); // code -> session
    this.bySeq = new Map(); // sequence id -> session
    this.nextSeq = 1000000;
    this.groups = { sms: new Map(), email: new Map() };
    this.nextGroup = 119251;
    this.nextContact = 1000;
    this.outbox = [];
    // How sends fail, as the API's do: a channel without its integration (103/104), recipients
    // whose delivery fails (602/604) and phone numbers that opted out (605).
    this.delivery = { email: true, sms: true, failing: new Set(), optedOut: new Set() };
    this.webhookUrl = null;
    this.events = new Map(); // id -> verification facts of an emitted event
    this.emitted = [];
    this.seedFromContract();
  }

  now() {
    return this.fixedNow == null ? Date.now() : this.fixedNow;
  }

  // The contract's example coupons and groups, and the session its request examples use.
  seedFromContract() {
    const list = this.contract.example('listCoupons', 'success', 200);
    if (!list) return;
    this.seedFrom(clone(list.value));
  }

  seedFrom(list) {
    for (const coupon of list.coupon_info || []) this.coupons.set(coupon.ID, { info: coupon, start: null });
    for (const request of this.contract.requestExamples('deleteCouponSession')) {
      if (this.coupons.has(request.campaign) && !this.sessions.has(request.couponsession)) {
        this.addSession(newSession(request.couponsession, request.campaign, this.nextSeq++, this.now()));
      }
    }
    for (const [kind, prefix] of [['sms', 'Sms'], ['email', 'Email']]) {
      const groups = this.contract.successOrEmpty(`list${prefix}Groups`);
      for (const group of findArray(groups, 'ID')) {
        this.groups[kind].set(group.ID, { info: group, contacts: [] });
      }
      const contacts = this.contract.successOrEmpty(`list${prefix}Contacts`);
      const group = this.groups[kind].get(contacts.group_id);
      if (group) group.contacts.push(...findArray(contacts, 'ID'));
    }
  }

  addSession(session) {
    this.sessions.set(session.code, session);
    this.bySeq.set(session.seq, session);
    return session;
  }

  removeSession(session) {
    this.sessions.delete(session.code);
    this.bySeq.delete(session.seq);
  }

  text(length, alphabet) {
    // Joined from an array: `+=` would keep each code as a rope of one-character strings.
    const chars = new Array(length);
    for (let i = 0; i < length; i++) chars[i] = alphabet[Math.floor(this.random() * alphabet.length)];
    return chars.join('');
  }

  createSession(campaign, fields = {}) {
    let code;
    do code = this.text(21, LOWER); while (this.sessions.has(code));
    const session = newSession(code, campaign, this.nextSeq++, this.now());
    Object.assign(session, fields);
    if (!session.valcode) session.valcode = this.text(15, DIGITS);
    return this.addSession(session);
  }

  expired(session) {
    return session.expiry != null && session.expiry < this.now();
  }

  notStarted(session) {
    const coupon = this.coupons.get(session.campaign);
    return !!(coupon && coupon.start != null && coupon.start > this.now());
  }
}

// The first array of objects carrying `key` anywhere in a body (the group lists' items).
function findArray(body, key) {
  if (Array.isArray(body)) return body.filter(item => item && typeof item === 'object' && key in item);
  if (body && typeof body === 'object') {
    for (const value of Object.values(body)) {
      const found = findArray(value, key);
      if (found.length) return found;
    }
  }
  return [];
}

function flag(value) {
  return value ? '1' : '0';
}

function couponUrl(state, session) {
  const coupon = state.coupons.get(session.campaign);
  return `https://digicpn.com/p/${coupon ? coupon.info.code : 'coupon'}/${session.code}`;
}

// The session flags (CouponSessionStatus), ordered and shaped like the contract's example.
function statusOf(state, template, session) {
  const values = {
    created_date_utc: utc(session.created),
    opened: flag(session.openedAt != null), open_date_utc: utc(session.openedAt),
    played: '0', played_date_utc: '',
    claimed: flag(session.claimedAt != null), claim_date_utc: utc(session.claimedAt),
    claimtype: session.claimedAt != null ? 'api' : '',
    saved_to_passbook: '0', saved_to_passbook_date_utc: '',
    saved_to_androidpay: '0', saved_to_androidpay_date_utc: '',
    validated: flag(session.validatedAt != null), validation_date_utc: utc(session.validatedAt),
    own_validation_code: session.valcode, validation_value: session.value, redeem_location_ID: '',
    voided: flag(session.voided), unvoided_date_utc: utc(session.unvoidedAt), locked: flag(session.locked),
  };
  const out = {};
  for (const key of Object.keys(template || values)) out[key] = key in values ? values[key] : template[key];
  for (const key of Object.keys(values)) if (!(key in out)) out[key] = values[key];
  return out;
}

// ---- handlers: operationId -> (body, state) -> {body} | {error: example name} ---------------------

const LISTS = {
  listCouponSessions: { when: s => s.created, include: () => true },
  listOpenedCouponSessions: { when: s => s.openedAt, include: s => s.openedAt != null },
  listClaimedCouponSessions: { when: s => s.claimedAt, include: s => s.claimedAt != null },
  listValidatedCouponSessions: { when: s => s.validatedAt, include: s => s.validatedAt != null },
};

// couponsession/update: the documented refusal of each operation, in the order they are checked.
const TRANSITIONS = {
  claim: s => [[s.expired, 'sessionExpired'], [s.voided, 'couponVoided'], [s.locked, 'couponLocked'],
    [s.claimed, 'sessionAlreadyClaimed']],
  validate: s => [[s.expired, 'sessionExpired'], [s.voided, 'couponVoided'], [s.locked, 'couponLocked'],
    [s.validated, 'sessionAlreadyValidated']],
  unvalidate: s => [[!s.validated, 'sessionAlreadyUnvalidated']],
  lock: s => [[s.voided, 'lockFailedVoided'], [s.validated, 'lockFailedValidated'],
    [!s.claimed, 'lockFailedNotClaimed'], [s.locked, 'sessionAlreadyLockedBefore']],
  unlock: s => [[s.voided, 'unlockFailedVoided'], [!s.locked, 'sessionAlreadyUnlocked']],
  void: s => [[s.voided, 'sessionAlreadyVoided']],
  unvoid: s => [[!s.voided, 'sessionNotVoided']],
  activate: s => [[s.expired, 'sessionExpired']],
};

// batch/update: the same per session, with the batch's own (plural) examples.
const BATCH_TRANSITIONS = {
  claim: s => [[s.notStarted, 'startDateNotReached'], [s.expired, 'sessionsExpired'],
    [s.voided, 'claimFailedVoided'], [s.claimed, 'sessionsAlreadyClaimed']],
  validate: s => [[s.notStarted, 'startDateNotReached'], [s.expired, 'sessionsExpired'],
    [!s.claimed, 'sessionsNotClaimed'], [s.validated, 'sessionsAlreadyValidated']],
  lock: s => [[!s.claimed, 'sessionsNotClaimed'], [s.locked, 'sessionsAlreadyLocked']],
  unlock: s => [[!s.locked, 'sessionsNotLocked']],
  void: s => [[s.voided, 'sessionsAlreadyVoided']],
  unvoid: s => [[!s.voided, 'sessionsNotVoided']],
  activate: s => [[s.expired, 'sessionsExpired']],
};

function facts(state, session) {
  return {
    expired: state.expired(session), notStarted: state.notStarted(session),
    voided: session.voided, locked: session.locked,
    claimed: session.claimedAt != null, validated: session.validatedAt != null,
  };
}

function refusal(rules, state, session) {
  const found = rules(facts(state, session)).find(([refused]) => refused);
  return found && found[1];
}

function apply(state, session, operation) {
  const now = state.now();
  switch (operation) {
    case 'claim': session.claimedAt = now; if (session.openedAt == null) session.openedAt = now; break;
    case 'validate': session.validatedAt = now; break;
    case 'unvalidate': session.validatedAt = null; break;
    case 'lock': session.locked = true; break;
    case 'unlock': session.locked = false; break;
    case 'void': session.voided = true; session.voidedAt = now; break;
    case 'unvoid': session.voided = false; session.unvoidedAt = now; break;
    case 'activate':
      if (session.voided) { session.voided = false; session.unvoidedAt = now; }
      break;
    default:
  }
  if (operation === 'claim') emit(state, 'coupon_claimed', session);
  if (operation === 'validate') emit(state, 'coupon_validated', session);
}

function customFields(body) {
  const fields = {};
  for (let i = 1; i <= 7; i++) if (body[`customfield${i}`] !== undefined) fields[i] = String(body[`customfield${i}`]);
  return Object.keys(fields).length ? fields : null;
}

function setData(session, body) {
  const fields = customFields(body);
  if (fields) session.fields = Object.assign(session.fields || {}, fields);
  if (body.customid !== undefined) session.customid = String(body.customid);
  if (body.money_spent !== undefined) session.value = String(body.money_spent);
}

// A recipient as the delivery settings compare it: email addresses in lower case, phone numbers
// without their leading '+'.
function recipient(value) {
  return String(value).trim().toLowerCase().replace(/^\+/, '');
}

// The error a send to this recipient gets from the delivery settings, or undefined.
function deliveryError(state, channel, to) {
  const settings = state.delivery;
  if (channel === 'email') {
    if (!settings.email) return 'emailIntegrationMissing';
    return settings.failing.has(recipient(to)) ? 'emailNotSent' : undefined;
  }
  if (!settings.sms) return 'smsIntegrationMissing';
  if (settings.optedOut.has(recipient(to))) return 'numberBlacklisted';
  return settings.failing.has(recipient(to)) ? 'smsNotSent' : undefined;
}

// The outbox keeps the last MAX_EVENTS sends.
function record(state, entry) {
  state.outbox.push(entry);
  if (state.outbox.length > MAX_EVENTS) state.outbox.shift();
}

// ---- webhooks --------------------------------------------------------------------------------

function emit(state, type, session) {
  const coupon = state.coupons.get(session.campaign);
  const id = `evt_${state.text(20, MIXED)}`;
  const datetime = utc(state.now());
  state.events.set(id, { webhook: id, datetime, type, coupon: session.campaign, statcode: session.code });
  // Bounded like the sessions: a batch over 100 000 sessions must not keep 100 000 events.
  if (state.events.size > MAX_EVENTS) state.events.delete(state.events.keys().next().value);
  const template = state.contract.webhookTemplate || {};
  const payload = Object.assign(clone(template), {
    id, datetime, livemode: '0', type, coupon_code: session.code, session: session.code,
    campaign: session.campaign, coupon_url: couponUrl(state, session),
  });
  if (template.coupon) {
    payload.coupon = Object.assign(payload.coupon, {
      coupon_code: coupon ? coupon.info.code : '', friendly_name: coupon ? coupon.info.name || '' : '',
      title: coupon ? coupon.info.title || '' : '', subtitle: coupon ? coupon.info.subtitle || '' : '',
      tags: coupon ? coupon.info.coupon_tags || '' : '', custom_validation_code: session.valcode,
      customid: session.customid, timezone: coupon ? coupon.info.timezone || 'UTC' : 'UTC',
    });
  }
  if (template.status) {
    payload.status = Object.assign(payload.status, {
      claimed: flag(session.claimedAt != null), claimed_date: utc(session.claimedAt), claimed_type: 'api',
      validated: flag(session.validatedAt != null), validated_date: utc(session.validatedAt),
    });
  }
  if (template.customer) {
    const fields = session.fields || {};
    const customer = {};
    for (const key of Object.keys(template.customer)) customer[key] = '';
    Object.assign(customer, { first_name: session.firstname, last_name: session.lastname, email: session.email,
      phone: String(session.phone || '').replace(/^\+/, '') });
    for (let i = 1; i <= 7; i++) if (`custom_field_${i}` in customer) customer[`custom_field_${i}`] = fields[i] || '';
    payload.customer = customer;
  }
  state.emitted.push(payload);
  if (state.emitted.length > MAX_KEPT_PAYLOADS) state.emitted.shift();
  if (state.webhookUrl) post(state.webhookUrl, payload);
}

function post(url, payload) {
  const body = Buffer.from(JSON.stringify(payload));
  try {
    const request = http.request(url, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
    });
    request.on('error', () => {}); // a receiver that is down loses the event, as with the real API
    request.setTimeout(5000, () => request.destroy());
    request.end(body);
  } catch (badUrl) {
    // Checked when configured; nothing to deliver to.
  }
}

// ---- the handlers ----------------------------------------------------------------------------

function handlers(state) {
  const c = state.contract;
  const coupon = id => state.coupons.get(id);
  const ok = body => ({ body });
  const error = name => ({ error: name });
  const sessionOf = (campaign, code) => {
    const session = state.sessions.get(code);
    return session && (!campaign || session.campaign === campaign) ? session : undefined;
  };

  function list(id) {
    return body => {
      if (!coupon(body.campaign)) return error('campaignNotFound');
      const kind = LISTS[id];
      const from = parseUtc(body.start_date, false);
      const to = parseUtc(body.end_date, true);
      const page = Math.max(1, Number(body.page || 1));
      const out = c.success(id);
      const template = (out.data && out.data[0]) || {};
      const selected = [];
      const skip = (page - 1) * PAGE_SIZE;
      let seen = 0;
      for (const session of state.sessions.values()) {
        if (session.campaign !== body.campaign || !kind.include(session)) continue;
        const when = kind.when(session);
        if ((from !== undefined && when < from) || (to !== undefined && when > to)) continue;
        if (seen++ < skip) continue;
        if (selected.length === PAGE_SIZE) break;
        selected.push({ session: session.code, sequenceid: String(session.seq), status: statusOf(state, template.status, session) });
      }
      out.campaign = body.campaign;
      out.data = selected;
      return ok(out);
    };
  }

  function singleUseBody(id, session, name = 'success') {
    const out = c.success(id, name);
    Object.assign(out, {
      campaign: session.campaign, single_use_code: session.code, single_use_url: couponUrl(state, session),
      widget_validation_code: session.code.slice(0, 6), custom_validation_code: session.valcode,
    });
    return out;
  }

  function person(body) {
    return {
      email: body.email ? String(body.email) : '', phone: body.phone ? String(body.phone) : '',
      firstname: body.firstname ? String(body.firstname) : '', lastname: body.lastname ? String(body.lastname) : '',
    };
  }

  function room(amount) {
    return state.sessions.size + amount <= state.maxSessions;
  }

  function groupOps(kind, prefix) {
    const groups = state.groups[kind];
    const field = `${kind}group`;
    const contactKey = kind === 'sms' ? 'phone' : 'email';
    return {
      [`list${prefix}Groups`]: () => {
        const out = c.success(`list${prefix}Groups`);
        out.amount_of_groups = typeof out.amount_of_groups === 'string' ? String(groups.size) : groups.size;
        replaceArray(out, 'ID', [...groups.values()].map(g => g.info));
        return ok(out);
      },
      [`create${prefix}Group`]: body => {
        const number = state.nextGroup++;
        const info = { ID: `gro_${number}`, name: String(body.group_name) };
        groups.set(info.ID, { info, contacts: [] });
        const out = c.success(`create${prefix}Group`);
        if ('groupid' in out) out.groupid = number;
        if ('group_id' in out) out.group_id = info.ID;
        return ok(out);
      },
      [`list${prefix}Contacts`]: body => {
        const group = groups.get(body[field]);
        if (!group) return error('groupNotFound');
        const out = c.success(`list${prefix}Contacts`);
        Object.assign(out, { group_id: group.info.ID, group_name: group.info.name,
          amount_of_contacts: String(group.contacts.length) });
        replaceArray(out, 'ID', group.contacts);
        return ok(out);
      },
      [`add${prefix}Contact`]: body => {
        const group = groups.get(body[field]);
        if (!group) return error('groupNotFound');
        const contact = { ID: `con_${state.nextContact++}`,
          [contactKey]: String(body[contactKey]).replace(/^\+/, ''),
          first_name: String(body.first_name || ''), last_name: String(body.last_name || ''), unsubscribed: '0' };
        group.contacts.push(contact);
        const out = c.success(`add${prefix}Contact`);
        Object.assign(out, { group_id: group.info.ID, [contactKey]: contact[contactKey],
          first_name: contact.first_name, last_name: contact.last_name, contact_id: contact.ID });
        return ok(out);
      },
    };
  }

  return {
    listCoupons: body => {
      if (body.folder) return error('folderNotFound');
      const tags = body.tags ? String(body.tags).split(',').map(t => t.trim()).filter(Boolean) : [];
      const coupons = [...state.coupons.values()].map(x => x.info)
        .filter(info => !body.only_active || info.status === 'active')
        .filter(info => tags.every(tag => String(info.coupon_tags || '').split(',').includes(tag)))
        .filter(info => !body.category || info.coupon_category === String(body.category).slice(4));
      const out = c.success('listCoupons');
      out.amount_of_campaigns = String(coupons.length);
      out.coupon_info = coupons;
      return ok(out);
    },
    getCoupon: body => {
      const found = coupon(body.campaign);
      if (!found) return error('campaignNotFound');
      const out = c.success('getCoupon');
      out.coupon_info = found.info;
      return ok(out);
    },
    createCoupon: body => {
      const template = coupon(body.template);
      if (!template) return error('templateNotFound');
      let id;
      do id = `cam_${1000000 + Math.floor(state.random() * 9000000)}`; while (state.coupons.has(id));
      const code = state.text(6, MIXED);
      const info = Object.assign(clone(template.info), { ID: id, code, url: `https://digicpn.com/p/${code}` });
      for (const key of ['name', 'title', 'subtitle']) if (body[key] !== undefined) info[key] = String(body[key]);
      if (body.discount_value !== undefined) info.description = String(body.discount_value);
      if (body.coupon_image !== undefined) info.coupon_image = String(body.coupon_image);
      if (body.logo_image !== undefined) info.logo_url = String(body.logo_image);
      const expiry = parseUtc(body.expiry_date, false);
      if (expiry !== undefined) info.expirydate = utc(expiry);
      state.coupons.set(id, { info, start: parseUtc(body.start_date, false) ?? null });
      const out = c.success('createCoupon');
      out.coupon_info = Object.assign(out.coupon_info || {}, { ID: id, code, name: info.name });
      return ok(out);
    },
    listCouponSessions: list('listCouponSessions'),
    listOpenedCouponSessions: list('listOpenedCouponSessions'),
    listClaimedCouponSessions: list('listClaimedCouponSessions'),
    listValidatedCouponSessions: list('listValidatedCouponSessions'),
    getCouponSession: body => {
      const session = state.sessions.get(body.couponsession);
      if (!session) return error('couponSessionNotFound');
      const out = c.success('getCouponSession');
      Object.assign(out, {
        campaign: session.campaign, session: session.code, session_url: couponUrl(state, session),
        sequenceid: String(session.seq),
      });
      out.data = { status: statusOf(state, out.data && out.data.status, session) };
      return ok(out);
    },
    updateCouponSession: body => {
      const session = state.sessions.get(body.couponsession);
      if (!session) return error('couponSessionNotFound');
      const operation = body.operation;
      if (operation) {
        const refused = refusal(TRANSITIONS[operation] || (() => []), state, session);
        if (refused) return error(refused);
      }
      setData(session, body);
      if (operation) apply(state, session, operation);
      const out = c.success('updateCouponSession');
      if (operation) out.operation = `${operation}_successful`;
      else delete out.operation;
      return ok(out);
    },
    batchUpdateCouponSessions: body => {
      const operation = body.operation;
      if (!operation && !customFields(body)) return error('noOperationOrData');
      const start = body.startsequence !== undefined ? state.bySeq.get(Number(body.startsequence)) : undefined;
      const end = body.endsequence !== undefined ? state.bySeq.get(Number(body.endsequence)) : undefined;
      if (body.startsequence !== undefined && !start) return error('startIdNotFound');
      if (body.endsequence !== undefined && !end) return error('endIdNotFound');
      if (start && end && end.seq < start.seq) return error('endBeforeStart');
      if (start && end && start.campaign !== end.campaign) return error('rangeNotOfSameCampaign');
      if ((start || end).campaign !== body.campaign) return error('rangeNotOfProvidedCampaign');
      const low = start ? start.seq : -Infinity;
      const high = end ? end.seq : Infinity;
      const range = [];
      for (const session of state.sessions.values()) {
        if (session.campaign === body.campaign && session.seq >= low && session.seq <= high) range.push(session);
      }
      if (operation) {
        for (const session of range) {
          const refused = refusal(BATCH_TRANSITIONS[operation] || (() => []), state, session);
          if (refused) return error(refused);
        }
      }
      for (const session of range) {
        setData(session, body);
        if (operation) apply(state, session, operation);
      }
      const out = c.success('batchUpdateCouponSessions');
      out.action_date = utc(state.now());
      out.action_quantity = range.length;
      return ok(out);
    },
    searchCouponSessions: body => {
      if (body.campaign !== undefined && !coupon(body.campaign)) return error('campaignNotFound');
      const wanted = ['code', 'email', 'phone', 'customid'].filter(key => body[key] !== undefined);
      const matches = session => wanted.every(key => {
        const value = String(body[key]);
        if (key === 'code') return session.valcode === value || session.code === value;
        if (key === 'phone') return session.phone.replace(/^\+/, '') === value.replace(/^\+/, '');
        return String(session[key]).toLowerCase() === value.toLowerCase();
      });
      const out = c.success('searchCouponSessions');
      const template = (out.searchresults && out.searchresults[0]) || {};
      const results = [];
      for (const session of state.sessions.values()) {
        if (body.campaign !== undefined && session.campaign !== body.campaign) continue;
        if (!matches(session)) continue;
        const info = coupon(session.campaign).info;
        results.push({
          campaign: session.campaign, session: session.code, single_use_url: couponUrl(state, session),
          custom_validation_code: session.valcode, customid: session.customid,
          coupon: { ID: info.ID, code: info.code, url: info.url, status: info.status, coupon_tags: info.coupon_tags || '' },
          data: { status: statusOf(state, template.data && template.data.status, session) },
        });
        if (results.length === PAGE_SIZE) break;
      }
      if (!results.length) return error('noResults');
      out.results_found = String(results.length);
      out.searchresults = results;
      return ok(out);
    },
    deleteCouponSession: body => {
      if (!coupon(body.campaign)) return error('campaignNotFound');
      const session = sessionOf(body.campaign, body.couponsession);
      if (!session) return error('couponSessionNotFound');
      state.removeSession(session);
      const out = c.success('deleteCouponSession');
      Object.assign(out, { campaign: session.campaign, single_use_code: session.code });
      return ok(out);
    },
    generateCouponSessionBarcode: body => {
      if (!state.sessions.has(body.couponsession)) return error('couponSessionDoesNotExist');
      return ok(c.success('generateCouponSessionBarcode'));
    },
    createSingleUseUrl: body => {
      if (!coupon(body.campaign)) return error('campaignNotFound');
      const check = body.duplicate_check;
      if (check && body[check] !== undefined) {
        for (const existing of state.sessions.values()) {
          if (existing.campaign === body.campaign && existing[check] !== '' && existing[check] === String(body[check])) {
            return ok(singleUseBody('createSingleUseUrl', existing, 'duplicateFound'));
          }
        }
      }
      if (!room(1)) return { full: true };
      const fields = person(body);
      if (body.customid !== undefined) fields.customid = String(body.customid);
      if (body.customvalcode !== undefined) fields.valcode = String(body.customvalcode);
      if (body.autovalcode) fields.valcode = state.text(Number(String(body.autovalcode).replace(/\D/g, '')), DIGITS);
      const expiry = parseUtc(body.expiry_date, false);
      if (expiry !== undefined) fields.expiry = expiry;
      const session = state.createSession(body.campaign, fields);
      session.fields = customFields(body);
      const out = singleUseBody('createSingleUseUrl', session);
      delete out.duplicate_found;
      return ok(out);
    },
    createMultipleSingleUseUrls: body => {
      if (!coupon(body.campaign)) return error('campaignNotFound');
      const amount = body.amount === undefined ? 10 : Number(body.amount);
      if (!room(amount)) return error('lowOnValidationCodes');
      const created = [];
      for (let i = 0; i < amount; i++) {
        const fields = {};
        if (body.automated_codes) {
          const prefix = String(body.code_prefix || '');
          const length = Math.max(0, Number(body.code_length || 10) - prefix.length);
          fields.valcode = prefix + state.text(length, body.code_type === 'alphanumeric' ? MIXED : DIGITS);
        }
        const session = state.createSession(body.campaign, fields);
        if (body.status === 'voided') { session.voided = true; session.voidedAt = session.created; }
        created.push(session);
      }
      if (!created.length) return ok(Object.assign(c.success('createMultipleSingleUseUrls'), { campaign: body.campaign }));
      const out = singleUseBody('createMultipleSingleUseUrls', created[0]);
      delete out.duplicate_found;
      return ok(out);
    },
    sendCouponByEmail: body => {
      if (String(body.campaign).startsWith('dir_')) return error('directoryNotFound');
      if (!coupon(body.campaign)) return error('campaignNotFound');
      const refused = deliveryError(state, 'email', body.email);
      if (refused) return error(refused);
      const session = sessionOf(body.campaign, body.couponsession)
        || state.createSession(body.campaign, { email: String(body.email) });
      const out = c.success('sendCouponByEmail');
      Object.assign(out, {
        campaign: body.campaign, receiver: String(body.email), single_use_code: session.code,
        single_use_url: couponUrl(state, session),
      });
      if (body.subject !== undefined) out.subject = String(body.subject);
      record(state, { channel: 'email', operation: 'sendCouponByEmail', to: String(body.email),
        campaign: body.campaign, session: session.code, subject: out.subject || '', at: utc(state.now()) });
      return ok(out);
    },
    sendCouponBySms: body => {
      if (String(body.campaign).startsWith('dir_')) return error('directoryNotFound');
      if (!coupon(body.campaign)) return error('campaignNotFound');
      const refused = deliveryError(state, 'sms', body.phone);
      if (refused) return error(refused);
      let session;
      if (body.couponsession !== undefined) {
        session = sessionOf(body.campaign, body.couponsession);
        if (!session) return error('statcodeNotFound');
      } else {
        session = state.createSession(body.campaign, { phone: String(body.phone) });
      }
      const out = c.success('sendCouponBySms');
      const url = couponUrl(state, session);
      Object.assign(out, {
        campaign: body.campaign, phone: String(body.phone).replace(/^\+/, ''), single_use_code: session.code,
        single_use_url: url, message: `${body.body !== undefined ? `${body.body} ` : ''}${url}`,
      });
      record(state, { channel: 'sms', operation: 'sendCouponBySms', to: out.phone,
        campaign: body.campaign, session: session.code, message: out.message, at: utc(state.now()) });
      return ok(out);
    },
    sendPushNotificationToAll: body => {
      const users = [...state.sessions.values()].filter(s => s.campaign === body.campaign && s.claimedAt != null);
      if (!users.length) return error('noWalletUsers');
      record(state, { channel: 'push', operation: 'sendPushNotificationToAll', to: `${users.length} wallet user(s)`,
        campaign: body.campaign, message: String(body.message || ''), at: utc(state.now()) });
      return ok(c.success('sendPushNotificationToAll'));
    },
    sendSinglePushNotification: body => {
      const session = state.sessions.get(body.couponsession);
      if (!session || (body.campaign !== undefined && session.campaign !== body.campaign)) return error('couponSessionNotFound');
      record(state, { channel: 'push', operation: 'sendSinglePushNotification', to: session.code,
        campaign: session.campaign, session: session.code, message: String(body.message || ''), at: utc(state.now()) });
      return ok(c.success('sendSinglePushNotification'));
    },
    ...groupOps('sms', 'Sms'),
    ...groupOps('email', 'Email'),
    verifyWebhook: body => {
      const event = state.events.get(String(body.webhook));
      if (!event) return error('webhookNotFound');
      return ok(Object.assign(c.success('verifyWebhook'), event));
    },
    verifyWebhookV3: body => {
      const event = state.events.get(String(body.webhook));
      if (!event) return error('webhookNotFound');
      const out = c.success('verifyWebhookV3');
      for (const key of Object.keys(out)) {
        if (key === 'webhook') out[key] = event.webhook;
        if (key === 'date' || key === 'datetime') out[key] = event.datetime;
        if (key === 'type') out[key] = event.type;
        if (key === 'session' || key === 'statcode') out[key] = event.statcode;
        if (key === 'campaign' || key === 'coupon') out[key] = event.coupon;
      }
      return ok(out);
    },
  };
}

function replaceArray(body, key, items) {
  if (!body || typeof body !== 'object') return false;
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value) && (value.length === 0 || (value[0] && typeof value[0] === 'object' && key in value[0]))) {
      body[name] = items;
      return true;
    }
    if (value && typeof value === 'object' && replaceArray(value, key, items)) return true;
  }
  return false;
}

// ---- control endpoints, served as operations of their own so Prism routes them -------------------

const CONTROL_OPERATIONS = ['reset', 'clock', 'webhooks', 'delivery', 'outbox', 'state'].map(name => ({
  id: `simulator-${name}`,
  iid: `__simulator_${name}`,
  method: name === 'outbox' || name === 'state' ? 'get' : 'post',
  path: `${CONTROL}/${name}`,
  responses: [{ id: `simulator-${name}-200`, code: '200', headers: [],
    contents: [{ id: `simulator-${name}-json`, mediaType: 'application/json', schema: { type: 'object' }, examples: [] }] }],
  servers: [],
  security: [],
  request: {
    headers: [], query: [], cookie: [], path: [],
    body: { id: `simulator-${name}-body`, required: false,
      contents: [{ id: `simulator-${name}-body-json`, mediaType: 'application/json', schema: { type: 'object' }, examples: [] }] },
  },
}));

function control(state, name, body, stats) {
  switch (name) {
    case 'reset':
      state.reset(body && body.seed !== undefined ? body.seed : undefined);
      break;
    case 'clock': {
      if (body && body.now === null) state.fixedNow = null;
      else if (body && body.now !== undefined) {
        const at = parseUtc(body.now, false);
        if (at === undefined) return { statusCode: 400, body: { error: 'now: yyyy-MM-dd HH:mm:ss (UTC) or null' } };
        state.fixedNow = at;
      }
      if (body && body.advance_seconds !== undefined) state.fixedNow = state.now() + Number(body.advance_seconds) * 1000;
      break;
    }
    case 'webhooks':
      if (body && body.url && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(String(body.url))) {
        return { statusCode: 400, body: { error: 'url: the simulator delivers to http://127.0.0.1 or localhost only' } };
      }
      if (body && 'url' in body) state.webhookUrl = body.url ? String(body.url) : null;
      return { statusCode: 200, body: { url: state.webhookUrl, emitted: state.emitted } };
    case 'delivery': {
      const settings = state.delivery;
      for (const channel of ['email', 'sms']) {
        if (body && body[channel] !== undefined) {
          if (typeof body[channel] !== 'boolean') return { statusCode: 400, body: { error: `${channel}: true or false (the channel's integration is set up)` } };
          settings[channel] = body[channel];
        }
      }
      for (const [key, set] of [['failing', settings.failing], ['opted_out', settings.optedOut]]) {
        if (body && body[key] !== undefined) {
          if (!Array.isArray(body[key])) return { statusCode: 400, body: { error: `${key}: a list of email addresses or phone numbers` } };
          body[key].forEach(to => set.add(recipient(to)));
        }
      }
      return { statusCode: 200, body: { email: settings.email, sms: settings.sms,
        failing: [...settings.failing], opted_out: [...settings.optedOut] } };
    }
    case 'outbox':
      return { statusCode: 200, body: { outbox: state.outbox } };
    default:
  }
  return {
    statusCode: 200,
    body: {
      seed: state.seed, now: utc(state.now()), clock: state.fixedNow == null ? 'system' : 'fixed',
      coupons: state.coupons.size, sessions: state.sessions.size, outbox: state.outbox.length,
      webhooks: state.emitted.length, invalid_responses: stats.invalidResponses,
      heap_used_bytes: process.memoryUsage().heapUsed,
    },
  };
}

function simulatorMock(state, stats) {
  const table = handlers(state);
  return options => {
    const { resource, input, config } = options;
    const body = (input.data && input.data.body) || {};
    if (String(resource.iid).startsWith('__simulator_')) {
      const answer = control(state, resource.iid.slice('__simulator_'.length), body, stats);
      return () => E.right({ statusCode: answer.statusCode, headers: { 'Content-type': 'application/json' }, body: answer.body });
    }
    const errors = (input.validations || []).filter(v => v.severity === 0);
    const handler = table[resource.iid];
    if (errors.length || config.code || config.exampleKey || !handler) return truthfulMock(options);
    let outcome;
    try {
      outcome = handler(typeof body === 'object' ? body : {});
      if (outcome.error && !state.contract.example(resource.iid, outcome.error)) {
        throw new Error(`the contract has no error example ${outcome.error}`);
      }
    } catch (changed) {
      // The contract changed under a handler (an example renamed or removed): answer as the mock does.
      return logger => {
        logger.warn(`Simulator: ${resource.iid} answered by the stateless mock (${changed.message})`);
        return truthfulMock(options)(logger);
      };
    }
    if (outcome.full) {
      return () => E.right({ statusCode: 507, headers: { 'Content-type': 'application/json' },
        body: { error: `The simulator holds at most ${state.maxSessions} sessions (--max-sessions); reset it.` } });
    }
    if (outcome.error) {
      const example = state.contract.example(resource.iid, outcome.error);
      return logger => {
        logger.info(`Simulator: ${resource.iid} refused with ${outcome.error}`);
        return prismMock({ ...options, config: { ...config, code: example.status, exampleKey: outcome.error } })(logger);
      };
    }
    return () => E.right({ statusCode: 200, headers: { 'Content-type': 'application/json' }, body: outcome.body });
  };
}

// Prism's log lines as "[NAME] message"; a response Prism found invalid is counted as well.
function logDestination(stats) {
  return new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        try {
          const entry = JSON.parse(line);
          if (/VIOLATIONS|--errors flag/.test(String(entry.msg))) stats.invalidResponses++;
          process.stdout.write(`[${entry.name || 'SIMULATOR'}] ${entry.msg}\n`);
        } catch (notJson) {
          process.stdout.write(line + '\n');
        }
      }
      done();
    },
  });
}

async function start(options) {
  const stats = { invalidResponses: 0 };
  // Prism logs the refused response at error level: keep that level even under -v warn.
  const level = ['fatal', 'silent'].includes(options.level) ? 'error' : options.level;
  const logger = createLogger('CLI', { level }, logDestination(stats));
  const operations = await getHttpOperationsFromSpec(options.spec);
  const contract = new Contract(operations);
  const webhook = contract.operation('listCoupons') && findWebhookTemplate(options.spec);
  contract.webhookTemplate = webhook;
  const state = new State(contract, options);
  const server = createServer(operations.concat(CONTROL_OPERATIONS), {
    cors: true,
    config: {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: true,
      upstreamProxy: undefined,
      isProxy: false,
      mock: { dynamic: false },
    },
    components: { logger: logger.child({ name: 'HTTP SERVER' }), mock: simulatorMock(state, stats) },
  });
  const address = await server.listen(options.port, options.host);
  logger.info(`Coupontools simulator (Prism engine, seed ${state.seed}) is listening on ${address}`);
  return { server, state, stats, address };
}

// The documented coupon webhook payload (x-webhooks.coupon), the template of emitted events.
function findWebhookTemplate(spec) {
  try {
    const { parse } = require('@stoplight/yaml');
    const document = parse(require('fs').readFileSync(spec, 'utf8'));
    const content = document['x-webhooks'].coupon.post.requestBody.content['application/json'];
    const first = Object.values(content.examples || {})[0];
    return first ? first.value : {};
  } catch (unreadable) {
    return {};
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { server } = await start(options);
  const stop = () => server.close().then(() => process.exit(0), () => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`coupontools-simulator: ${error && error.message ? error.message : error}\n`);
    process.exit(1);
  });
}

module.exports = { start, State, Contract, TRANSITIONS, BATCH_TRANSITIONS, simulatorMock, CONTROL_OPERATIONS };
