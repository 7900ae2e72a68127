// openup's pages: check as you type, reply coaching, the questionnaire, and the quick exit.
// Everything from the user or the server is placed with textContent, never as HTML.
"use strict";

const token = () => document.querySelector('meta[name="csrf-token"]').content;
let principleNames = null;
function principleName(id) {
  if (principleNames === null) {
    const data = document.getElementById("principles");
    principleNames = data ? JSON.parse(data.textContent) : {};
  }
  return principleNames[id] || id;
}

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

// -- quick exit: the button, or Esc twice; the page is replaced, so Back does not return to it -------------
function quickExit() {
  document.title = "Notes";
  document.body.replaceChildren();
  window.location.replace("/n");
}
let lastEsc = 0;
document.addEventListener("keydown", (e) => {
  if (e.key !== "Escape") return;
  const now = Date.now();
  if (now - lastEsc < 1500) quickExit();
  lastEsc = now;
});
document.addEventListener("DOMContentLoaded", () => {
  const exit = document.getElementById("quick-exit");
  if (exit) exit.addEventListener("click", quickExit);
  // Moving between openup's pages replaces the history entry: the app never leaves a trail of pages.
  for (const a of document.querySelectorAll("a[href^='/']")) {
    a.addEventListener("click", (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      window.location.replace(a.getAttribute("href"));
    });
  }
  setupCheck();
  setupReply();
  setupScreen();
});

// The country for help lines: chosen on the Safety page, remembered in this browser only, sent with each
// request so a safety section names the right lines.
function country() {
  try { return window.localStorage.getItem("openup-country") || ""; } catch (e) { return ""; }
}

async function post(url, body) {
  if (body && body.country === undefined && country()) body.country = country();
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": token() },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({ error: "The app did not answer; is it still running?" }));
  if (!res.ok) throw new Error(data.error || "Something went wrong.");
  return data;
}

// -- the safety section, the same on every page --------------------------------------------------------
function showSafety(section, safety, always) {
  section.replaceChildren();
  if (!safety || (safety.level === "none" && !always)) { section.hidden = true; return; }
  section.hidden = false;
  section.dataset.level = safety.level;
  const title = { danger: "Safety first", concern: "A note on safety" }[safety.level] || "Safety";
  section.append(el("h2", title), el("p", safety.message));
  if (safety.reasons && safety.reasons.length) {
    const ul = el("ul");
    for (const r of safety.reasons) ul.append(el("li", `${r.message} (“${r.match}”)`));
    section.append(ul);
  }
  if (safety.resources && safety.resources.length) {
    section.append(el("h3", "Where to get help"));
    const ul = el("ul", null, "lines");
    for (const r of safety.resources) {
      const li = el("li");
      li.append(el("strong", r.name), el("br"));
      const ways = [r.phone && `call ${r.phone}`, r.text && `text ${r.text}`, r.url].filter(Boolean).join(", ");
      li.append(document.createTextNode(ways));
      ul.append(li);
    }
    section.append(ul);
  }
}

// -- check a draft as you type --------------------------------------------------------------------------
function marked(text, signals) {
  const out = el("span");
  const spans = signals.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out.append(document.createTextNode(text.slice(at, s.start)));
    const mark = el("mark", text.slice(s.start, s.end), `k-${s.kind}`);
    mark.title = s.kind.replace(/_/g, " ");
    out.append(mark);
    at = s.end;
  }
  out.append(document.createTextNode(text.slice(at)));
  return out;
}

// The parts of a text that were not read (sentences not in English), one line each, as the CLI says them.
function showUnread(list, unread) {
  const parts = unread || [];
  list.hidden = parts.length === 0;
  list.replaceChildren(...parts.map((u) => el("li", `Not read (${u.reason}): '${u.text.split(/\s+/).join(" ").trim()}'`)));
}

function setupCheck() {
  const box = document.getElementById("draft");
  if (!box) return;
  const status = document.getElementById("status");
  let timer = 0;
  let asked = 0;
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = box.value;
      const mine = ++asked;
      if (!text.trim()) { document.getElementById("result").hidden = true; status.textContent = ""; return; }
      try {
        const review = await post("/api/check", { text });
        if (mine !== asked) return; // a newer draft is being read
        status.textContent = "";
        renderReview(review);
      } catch (err) {
        if (mine === asked) status.textContent = err.message;
      }
    }, 250);
  });
}

function renderReview(r) {
  showSafety(document.getElementById("safety"), r.safety, false);
  document.getElementById("result").hidden = false;
  document.getElementById("marked").replaceChildren(marked(r.text, r.signals));
  showUnread(document.getElementById("unread"), r.unread);
  const list = document.getElementById("feedback");
  list.replaceChildren();
  for (const f of r.feedback) {
    if (f.principle === "safety") continue;
    const li = el("li", null, `sev-${f.severity}`);
    li.append(el("strong", principleName(f.principle)), el("br"), el("span", f.message));
    list.append(li);
  }
  const rw = document.getElementById("rewrite");
  rw.hidden = !r.rewrite;
  document.getElementById("rewrite-text").textContent = r.rewrite || "";
  const alts = document.getElementById("alternatives");
  alts.replaceChildren(...(r.alternatives || []).map((a) => el("li", a)));
  const clean = !r.rewrite && r.safety.level === "none" && !r.feedback.some((f) => f.severity === "high");
  document.getElementById("clean").hidden = !clean;
}

// -- reply coaching ---------------------------------------------------------------------------------------
function setupReply() {
  const box = document.getElementById("message");
  if (!box) return;
  const status = document.getElementById("status");
  document.getElementById("coach").addEventListener("click", async () => {
    status.textContent = "Reading…";
    try {
      const recent = JSON.parse(sessionStorage.getItem("openup-recent-wordings") || "[]");
      const r = await post("/api/reply", { text: box.value, recent });
      sessionStorage.setItem("openup-recent-wordings", JSON.stringify(r.wordings || []));
      status.textContent = "";
      showSafety(document.getElementById("safety"), r.safety, false);
      document.getElementById("result").hidden = false;
      showUnread(document.getElementById("unread"), r.unread);
      const heard = r.heard || {};
      const feelings = (heard.feelings || []).map((f) => f.feeling).join(", ");
      document.getElementById("heard").textContent =
        [heard.event, feelings && `feeling: ${feelings}`].filter(Boolean).join(" · ") || "A short message.";
      document.getElementById("moves").replaceChildren(...(r.suggestions || []).map((s) => {
        const li = el("li");
        li.append(el("strong", s.title || s.move), document.createTextNode(" "), el("span", s.text));
        return li;
      }));
      document.getElementById("avoid").replaceChildren(...(r.avoid || []).map((a) => el("li", a.text)));
    } catch (err) {
      status.textContent = err.message;
    }
  });
}

// -- the questionnaire ------------------------------------------------------------------------------------
function setupScreen() {
  const picker = document.getElementById("country");
  if (picker) {
    // the page was asked for a country: remember it for the other pages (a plain visit keeps the old choice)
    if (new URLSearchParams(window.location.search).has("country")) {
      try { window.localStorage.setItem("openup-country", picker.value); } catch (e) { /* private mode */ }
    } else if (country() && picker.value !== country()) {
      window.location.replace(`/safety?country=${encodeURIComponent(country())}`);
    }
    picker.addEventListener("change", () => {
      try { window.localStorage.setItem("openup-country", picker.value); } catch (e) { /* private mode */ }
    });
  }
  const form = document.getElementById("screen");
  if (!form) return;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const answers = [...form.querySelectorAll("fieldset")].map((fs) => {
      const picked = fs.querySelector("input:checked");
      return picked ? picked.value : "";
    });
    const country = document.getElementById("country").value;
    const section = document.getElementById("safety");
    try {
      const r = await post("/api/safety/screen", { answers, country });
      showSafety(section, { level: r.level, message: r.message, reasons: [], resources: r.resources }, true);
      section.prepend(el("p", `Score ${r.total} of 20 (above ${r.cutoff} is a positive screen).`));
    } catch (err) {
      section.hidden = false;
      section.replaceChildren(el("p", err.message));
    }
  });
}

// -- the practice journal -----------------------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("journal");
  if (!form) return;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = document.getElementById("entry").value;
    const picked = form.querySelector("input[name=mood]:checked");
    const status = document.getElementById("status");
    try {
      const saved = await post("/api/journal", { text, mood: picked ? Number(picked.value) : null });
      status.textContent = "Saved.";
      const li = el("li");
      li.append(el("span", new Date().toISOString().slice(0, 10) + (picked ? ` · mood ${picked.value}/5` : ""), "when"),
                el("br"), document.createTextNode(text));
      document.getElementById("entries").prepend(li);
      form.reset();
      if (saved.safety !== "none") {
        const check = await post("/api/check", { text });
        showSafety(document.getElementById("safety"), check.safety, false);
      }
    } catch (err) {
      status.textContent = err.message;
    }
  });
});

// -- our chats: upload, progress, the report ----------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload");
  if (!form) return;
  const status = document.getElementById("status");
  const box = document.getElementById("progress-box");
  const bar = document.getElementById("progress");
  const label = document.getElementById("progress-text");
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));

  async function send(me) {
    const file = document.getElementById("file").files[0];
    if (!file) { status.textContent = "Choose a chat export first."; return; }
    const q = new URLSearchParams({ name: file.name });
    if (me) q.set("me", me);
    const chat = document.getElementById("chat").value.trim();
    if (chat) q.set("chat", chat);
    document.getElementById("people").hidden = true;
    document.getElementById("done").hidden = true;
    box.hidden = false; bar.value = 0; label.textContent = "Reading…"; status.textContent = "";
    const res = await fetch("/api/chats?" + q, { method: "POST", headers: { "X-CSRF-Token": token() }, body: file });
    let job = await res.json().catch(() => ({ error: "The app did not answer; is it still running?" }));
    if (!res.ok) { box.hidden = true; status.textContent = job.error; return; }
    while (job.state === "reading" || job.state === "measuring") {
      await wait(400);
      job = await (await fetch(`/api/chats/${encodeURIComponent(job.id)}`)).json();
      bar.value = job.progress || 0;
      label.textContent = `${Math.round(100 * (job.progress || 0))}%`;
    }
    box.hidden = true;
    if (job.state === "need_me") {
      const list = document.getElementById("people-list");
      list.replaceChildren(...job.people.map((p) => {
        const b = el("button", p, "person");
        b.type = "button";
        b.addEventListener("click", () => { document.getElementById("me").value = p; send(p); });
        return b;
      }));
      document.getElementById("people").hidden = false;
      return;
    }
    if (job.state === "error") { status.textContent = job.error; return; }
    const s = job.summary || {};
    document.getElementById("summary").textContent =
      `${s.messages ?? "?"} messages over ${s.weeks ?? "?"} week(s).` +
      (s.safety_level && s.safety_level !== "none" ? " The report begins with a note on safety." : "");
    const open = document.getElementById("open-report");
    open.href = job.report;
    open.onclick = (e) => { e.preventDefault(); window.location.replace(job.report); };
    document.getElementById("save-report").href = job.report + "?download=1";
    document.getElementById("done").hidden = false;
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    send(document.getElementById("me").value.trim()).catch((err) => { status.textContent = err.message; });
  });
});

// -- unlocking an encrypted journal ---------------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("unlock");
  if (!form) return;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const box = document.getElementById("passphrase");
    try {
      await post("/api/unlock", { passphrase: box.value });
      box.value = "";
      window.location.replace("/practice");
    } catch (err) {
      box.value = "";
      document.getElementById("status").textContent = err.message;
    }
  });
});

// -- deleting the journal ----------------------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("delete-journal");
  if (!button) return;
  button.addEventListener("click", async () => {
    if (!window.confirm("Delete your whole journal? This cannot be undone.")) return;
    try {
      await post("/api/journal/delete", {});
      window.location.replace("/practice");
    } catch (err) {
      document.getElementById("status").textContent = err.message;
    }
  });
});
