// Window rating tablet (一窗一码): shows the finished case pushed over SSE, takes the rating,
// and sends it with an idempotency key made here. Ratings that cannot be sent (offline, server
// down) wait in localStorage and are re-sent with the same key until the server has them.
(function () {
  "use strict";
  var TOKEN_KEY = "hotline.tablet.token";
  var OUTBOX_KEY = "hotline.tablet.outbox";
  var TAGS_KEY = "hotline.tablet.tags";
  var BAD_KEY = "hotline.tablet.badMaxLevel";   // 差评 = level <= this; the server says (GET reason-tags)
  var THANKS_MS = 3000;
  var RETRY_MS = 3000;

  var fromHash = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
  if (fromHash) {
    localStorage.setItem(TOKEN_KEY, decodeURIComponent(fromHash[1]));
    history.replaceState(null, "", location.pathname);
  }
  var token = localStorage.getItem(TOKEN_KEY);
  var current = null;      // the case on screen
  var level = null;
  var chosen = [];
  var idleTimer = null;
  var flushing = false;

  function $(id) { return document.getElementById(id); }
  function isBad(lv) { return lv <= Number(localStorage.getItem(BAD_KEY)); }
  function show(name) {
    document.querySelectorAll(".screen").forEach(function (el) { el.hidden = el.id !== "screen-" + name; });
    document.body.dataset.screen = name;
  }
  function newKey() {
    if (window.crypto && crypto.randomUUID) { return "tab-" + crypto.randomUUID(); }
    var a = new Uint8Array(16); crypto.getRandomValues(a);
    return "tab-" + Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function outbox() {
    try { return JSON.parse(localStorage.getItem(OUTBOX_KEY) || "[]"); } catch (e) { return []; }
  }
  function saveOutbox(items) {
    localStorage.setItem(OUTBOX_KEY, JSON.stringify(items));
    var badge = $("outbox");
    badge.hidden = items.length === 0;
    badge.textContent = "待发送 " + items.length + " 条";
  }
  function setStatus(text) { $("status").textContent = text; }

  // -- sending -----------------------------------------------------------------------------
  function flush() {
    if (flushing) { return Promise.resolve(); }
    var items = outbox();
    if (!items.length) { return Promise.resolve(); }
    flushing = true;
    var item = items[0];
    return fetch("/channels/tablet/ratings", {
      method: "POST",
      headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token, "Idempotency-Key": item.key},
      body: JSON.stringify(item.body)
    }).then(function (resp) {
      // 2xx: stored (or stored before); 4xx: the server refuses it for good (e.g. already rated)
      if (resp.status < 500 && resp.status !== 401 && resp.status !== 429) {
        if (resp.status >= 400) { resp.json().then(function (b) { console.warn("评价被拒收", b); }); }
        saveOutbox(outbox().filter(function (x) { return x.key !== item.key; }));
        flushing = false;
        return flush();
      }
      flushing = false;
    }, function () { flushing = false; });
  }
  setInterval(flush, RETRY_MS);
  window.addEventListener("online", flush);

  function submitRating(lv, tags, text) {
    var body = {level: lv, reason_tags: tags};
    if (text) { body.text = text; }
    if (current && current.case_number) { body.case_number = current.case_number; body.stage = current.stage; }
    var items = outbox();
    items.push({key: newKey(), body: body, at: new Date().toISOString()});
    saveOutbox(items);                        // queued first: nothing is lost if the send fails
    current = null;
    show("thanks");
    clearTimeout(idleTimer);
    idleTimer = setTimeout(function () { if (!current) { show("idle"); } }, THANKS_MS);
    flush();
  }

  // -- screens -----------------------------------------------------------------------------
  function showCase(c) {
    current = c; level = null; chosen = [];
    $("case-number").textContent = c.case_number;
    $("case-item").textContent = c.service_item_name ? "事项：" + c.service_item_name : "";
    $("case-staff").textContent = c.staff_number ? "工号：" + c.staff_number : "";
    clearTimeout(idleTimer);
    show("rate");
  }
  function renderTags(tags) {
    var box = $("tags");
    box.innerHTML = "";
    tags.forEach(function (t) {
      var b = document.createElement("button");
      b.className = "tag"; b.textContent = t; b.type = "button";
      b.addEventListener("click", function () {
        var i = chosen.indexOf(t);
        if (i >= 0) { chosen.splice(i, 1); b.classList.remove("on"); } else { chosen.push(t); b.classList.add("on"); }
        $("reason-error").hidden = true;
      });
      box.appendChild(b);
    });
  }
  document.querySelectorAll(".face").forEach(function (btn) {
    btn.addEventListener("click", function () {
      level = parseInt(btn.dataset.level, 10);
      chosen = []; $("comment").value = ""; $("reason-error").hidden = true;
      renderTags(JSON.parse(localStorage.getItem(TAGS_KEY) || "[]"));
      $("reason-title").textContent = isBad(level) ? "请告诉我们哪里做得不好（必选）" : "还有什么想对我们说的吗？（选填）";
      $("tags").hidden = level > 2;
      show("reason");
    });
  });
  $("back").addEventListener("click", function () { show(current ? "rate" : "idle"); });
  $("submit").addEventListener("click", function () {
    var text = $("comment").value.trim();
    if (isBad(level) && chosen.length === 0) { $("reason-error").hidden = false; return; }
    submitRating(level, isBad(level) ? chosen.slice() : [], text);
  });

  // -- connection --------------------------------------------------------------------------
  function loadTags() {
    fetch("/channels/tablet/reason-tags").then(function (r) { return r.json(); }).then(function (b) {
      if (b.items) { localStorage.setItem(TAGS_KEY, JSON.stringify(b.items)); }
      if (b.bad_max_level) { localStorage.setItem(BAD_KEY, String(b.bad_max_level)); }
    }, function () {});
  }
  function connect() {
    var es = new EventSource("/channels/tablet/events?token=" + encodeURIComponent(token));
    es.addEventListener("hello", function (e) {
      var w = JSON.parse(e.data).window || {};
      $("window-name").textContent = (w.name || w.code || "窗口") + " 评价器";
      setStatus("已连接");
      flush();
    });
    es.addEventListener("case", function (e) {
      var c = JSON.parse(e.data).case;
      var queued = outbox().some(function (x) { return x.body.case_number === c.case_number && x.body.stage === c.stage; });
      if (!queued) { showCase(c); }             // already rated here, waiting to be sent
    });
    es.onerror = function () { setStatus("网络中断，正在重连…"); };
  }

  saveOutbox(outbox());
  $("pair-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var err = $("pair-error");
    err.hidden = true;
    fetch("/channels/tablet/pair", {method: "POST", headers: {"Content-Type": "application/json"},
                                     body: JSON.stringify({code: $("pair-code").value.trim()})})
      .then(function (r) { return r.json().then(function (body) { return {ok: r.ok, body: body}; }); })
      .then(function (res) {
        if (!res.ok) { throw new Error(res.body.error ? res.body.error.message : "配对失败"); }
        localStorage.setItem(TOKEN_KEY, res.body.token);
        location.reload();
      })
      .catch(function (e2) { err.textContent = e2.message || "网络不可用，请稍后再试"; err.hidden = false; });
  });
  if (!token) { show("unpaired"); setStatus("未配对"); return; }
  show("idle");
  loadTags();
  connect();
  flush();
})();
