// The dashboard: polls the facade's status once a second, and follows new messages on its stream. Plain DOM, no build
// step; every text goes in as text, never HTML.
"use strict";

const REFRESH_MS = 1000;
const LATEST = 20;

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  if (className) td.className = className;
  return td;
}

function stateCell(state) {
  return cell(state, "state " + state);
}

function row(cells, key) {
  const tr = document.createElement("tr");
  if (key) tr.dataset.key = key;
  tr.append(...cells);
  return tr;
}

function fill(tableId, rows) {
  document.querySelector(`#${tableId} tbody`).replaceChildren(...rows);
}

function time(instant) {
  return instant ? new Date(instant).toLocaleTimeString() : "never";
}

async function json(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body?.detail ?? body?.title ?? `HTTP ${response.status}`);
  }
  return body;
}

function showStatus(status) {
  const facade = row([cell("facade"), cell(location.origin), stateCell("up"), cell("now")], location.origin);
  const config = row(
    [cell("config"), cell(status.configService.url), stateCell(status.configService.state), cell("")],
    status.configService.url);
  const others = status.instances.map(instance => row(
    [cell(instance.role), cell(instance.url), stateCell(instance.state), cell(time(instance.lastSeenHealthy))],
    instance.url));
  fill("services", [facade, config, ...others]);

  const named = status.members.find(entry => entry.member);
  document.getElementById("cluster-name").textContent = named ? `'${named.member.clusterName}'` : "";
  fill("members", status.members.map(({instance, member}) => member
    ? row([cell(instance), cell(member.self), cell(`${member.members.length} members`),
           cell(member.entries.owned), cell(member.entries.backup)], instance)
    : row([cell(instance), stateCell("down"), cell(""), cell(""), cell("")], instance)));
}

// One bar per second of the last minute, scaled to the busiest; drawn as SVG elements, no library.
function showWrites(perSecond) {
  const chart = document.getElementById("write-chart");
  const highest = Math.max(1, ...perSecond);
  const width = 600 / perSecond.length;
  chart.replaceChildren(...perSecond.map((count, i) => {
    const bar = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    const height = 100 * count / highest;
    bar.setAttribute("x", String(i * width));
    bar.setAttribute("y", String(100 - height));
    bar.setAttribute("width", String(width * 0.8));
    bar.setAttribute("height", String(height));
    bar.dataset.count = String(count);
    return bar;
  }));
  const total = perSecond.reduce((sum, count) => sum + count, 0);
  document.getElementById("write-rate").textContent =
    `${perSecond.at(-1)} messages/s in the last second, ${total} in the last minute (stored through this facade)`;
}

// The latest messages, newest first: the last LATEST at first, then each new one as the stream brings it.
const shown = [];

function showMessages(messages) {
  shown.push(...messages);
  shown.splice(0, Math.max(0, shown.length - LATEST));
  fill("messages", shown.slice().reverse().map(message => row(
    [cell(time(message.acceptedAt), "time"), cell(message.msg, "text"), cell(message.storedBy),
     cell(message.id, "id")],
    message.id)));
}

// The stream goes on after the last message shown; the browser reconnects by itself, after the last one it got.
async function follow() {
  try {
    const latest = await fetch(`messages/latest?limit=${LATEST}`).then(json);
    shown.length = 0;
    showMessages(latest.messages);
  } catch (e) {
    setTimeout(follow, REFRESH_MS);
    return;
  }
  const after = shown.at(-1)?.id;
  const stream = new EventSource("messages/stream" + (after ? `?after=${encodeURIComponent(after)}` : ""));
  stream.addEventListener("message", event => showMessages([JSON.parse(event.data)]));
  // Too far behind for the facade to keep up with: start again from the latest.
  stream.addEventListener("overflow", () => {
    stream.close();
    follow();
  });
}

async function refresh() {
  try {
    const status = await fetch("status").then(json);
    showStatus(status);
    showWrites(status.writesPerSecond);
    document.getElementById("refreshed").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById("refreshed").textContent = "facade unreachable or failing: " + e.message;
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

async function send(event) {
  event.preventDefault();
  const result = document.getElementById("send-result");
  const input = document.getElementById("message");
  try {
    const created = await fetch("messages", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({msg: input.value}),
    }).then(json);
    result.className = "";
    result.textContent = `Stored ${created.id} by ${created.storedBy}`;
    result.dataset.id = created.id;
    input.value = "";
  } catch (e) {
    result.className = "error";
    result.textContent = "Not stored: " + e.message;
  }
}

document.getElementById("send-form").addEventListener("submit", send);
refresh();
follow();
