// Progressive enhancements; every page works without this file.
// Suggestions as you type, a live filter for the people list, citations shown
// in place, and n/p keys between matches. No inline code: the CSP forbids it.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

function typingIn(target) {
  return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

// Fetch JSON, cancelling the previous request of the same kind.
function latestFetcher() {
  let controller = null;
  return async (url) => {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: "application/json" } });
      return response.ok ? await response.json() : null;
    } catch (e) {
      return null;  // aborted or offline: the plain form still works
    }
  };
}

// -- keyboard shortcuts --------------------------------------------------------------
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
  const box = $("#q");
  if (event.key === "/" && box) {
    event.preventDefault();
    box.focus();
    box.select();
  } else if ((event.key === "n" || event.key === "p") && $(".paragraph.matched")) {
    event.preventDefault();
    stepMatch(event.key === "n" ? 1 : -1);
  }
});

// -- document page: next/previous match ------------------------------------------------
function stepMatch(step) {
  const matches = $$(".paragraph.matched");
  const current = matches.findIndex((p) => "#" + p.id === location.hash);
  let next = current + step;
  if (current < 0) next = step > 0 ? 0 : matches.length - 1;
  if (next < 0 || next >= matches.length) return;
  location.hash = matches[next].id;
  matches[next].focus({ preventScroll: true });
}

// Paragraphs reached by a match link take focus, so Tab continues from there.
window.addEventListener("hashchange", () => {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.classList.contains("paragraph")) {
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }
});

// -- document page: cite this paragraph ---------------------------------------------------
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.cite");
  if (!link) return;
  event.preventDefault();
  const paragraph = link.closest(".paragraph");
  let box = $(".citation", paragraph);
  if (box) {
    box.hidden = !box.hidden;
    return;
  }
  const article = link.closest("article");
  const text = `${article.dataset.citation}, ¶${link.dataset.n}. Archive Search, ${link.dataset.permalink}`;
  box = document.createElement("div");
  box.className = "citation";
  box.setAttribute("role", "note");
  box.setAttribute("aria-label", "Citation");
  const cite = document.createElement("p");
  cite.innerHTML = '<span class="label">Cite as:</span> <span class="text"></span>';
  $(".text", cite).textContent = text;
  const perma = document.createElement("p");
  perma.innerHTML = '<span class="label">Permalink:</span> <a></a>';
  $("a", perma).href = link.dataset.permalink;
  $("a", perma).textContent = link.dataset.permalink;
  box.append(cite, perma);
  if (navigator.clipboard) {
    const copy = document.createElement("button");
    copy.type = "button";
    copy.className = "small";
    copy.textContent = "Copy citation";
    copy.addEventListener("click", () => {
      navigator.clipboard.writeText(text).then(() => { copy.textContent = "Copied"; }, () => {
        copy.textContent = "Copy failed: select the text";
      });
    });
    box.append(copy);
  }
  paragraph.append(box);
  $("a", perma).focus();
});

// -- search box: suggestions as you type (ARIA 1.2 combobox) -------------------------------
function setupSuggestions(box) {
  const list = document.createElement("ul");
  list.id = "q-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  box.parentNode.append(list);
  box.setAttribute("role", "combobox");
  box.setAttribute("aria-autocomplete", "list");
  box.setAttribute("aria-controls", list.id);
  box.setAttribute("aria-expanded", "false");
  const fetchJSON = latestFetcher();
  let items = [];
  let active = -1;

  function close() {
    list.hidden = true;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(i) {
    active = i;
    $$("li", list).forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) box.setAttribute("aria-activedescendant", `q-option-${i}`);
    else box.removeAttribute("aria-activedescendant");
  }

  function choose(i) {
    const item = items[i];
    if (!item) return;
    if (item.kind === "person") {
      location.assign(item.url);
    } else {
      box.value = item.value;
      close();
      box.form.submit();
    }
  }

  function show(suggestions, typed) {
    // A list that arrives after the visitor has moved onto an option keeps that option
    // highlighted when it is still offered (a slow answer must not undo an ArrowDown).
    const kept = active >= 0 && items[active] ? items[active].value : null;
    const words = typed.replace(/\S+$/, "");
    items = suggestions.map((s) => s.kind === "term" ? { ...s, value: words + s.value } : s);
    list.replaceChildren(...items.map((s, i) => {
      const li = document.createElement("li");
      li.id = `q-option-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      const label = document.createElement("span");
      label.textContent = s.value;
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = s.kind === "person" ? `person · ${s.count}` : `${s.count}`;
      li.append(label, kind);
      // mousedown, not click: the box would lose focus and close the list first
      li.addEventListener("mousedown", (e) => { e.preventDefault(); choose(i); });
      return li;
    }));
    const open = items.length > 0;
    list.hidden = !open;
    box.setAttribute("aria-expanded", String(open));
    highlight(kept === null ? -1 : items.findIndex((s) => s.value === kept));
  }

  const update = debounce(async () => {
    const typed = box.value;
    if (typed.trim().length < 2) { close(); return; }
    const body = await fetchJSON(`${box.dataset.suggest}?${new URLSearchParams({ prefix: typed, limit: "6" })}`);
    if (body && box.value === typed && document.activeElement === box) show(body.suggestions, typed);
  }, 120);

  box.addEventListener("input", update);
  box.addEventListener("blur", () => setTimeout(close, 100));
  box.addEventListener("keydown", (event) => {
    const open = !list.hidden;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      highlight((active + 1) % items.length);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });
}

// -- people facet: a box that filters the list as you type ------------------------------------
function setupPeopleFilter(input) {
  const list = $("#people-list");
  const more = $(".more", list.parentNode);
  const fetchJSON = latestFetcher();
  const original = list.innerHTML;
  const here = new URLSearchParams(location.search);

  function toggleUrl(value, selected) {
    const next = new URLSearchParams(here);
    next.delete("page");
    next.delete("more");
    next.delete("who");
    if (selected) {
      const kept = next.getAll("person").filter((v) => v !== value);
      next.delete("person");
      kept.forEach((v) => next.append("person", v));
    } else {
      next.append("person", value);
    }
    return "/?" + next;
  }

  const update = debounce(async () => {
    const prefix = input.value.trim();
    if (!prefix) {
      list.innerHTML = original;
      if (more) more.hidden = false;
      return;
    }
    const query = new URLSearchParams();
    for (const [k, v] of here) if (!["page", "more", "who", "person"].includes(k)) query.append(k, v);
    here.getAll("person").forEach((v) => query.append("person", v));
    query.set("prefix", prefix);
    query.set("limit", "50");
    const body = await fetchJSON(`/api/facets/person?${query}`);
    if (!body || input.value.trim() !== prefix) return;
    if (more) more.hidden = true;
    if (!body.values.length) {
      const li = document.createElement("li");
      li.className = "none";
      li.textContent = `No people named “${prefix}” in these results`;
      list.replaceChildren(li);
      return;
    }
    list.replaceChildren(...body.values.map((v) => {
      const li = document.createElement("li");
      if (v.selected) li.className = "selected";
      const a = document.createElement("a");
      a.href = toggleUrl(v.value, v.selected);
      const box = document.createElement("span");
      box.className = "box";
      box.setAttribute("aria-hidden", "true");
      box.textContent = v.selected ? "☑" : "☐";
      a.append(box, ` ${v.label}`);
      if (v.selected) a.setAttribute("aria-current", "true");
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = String(v.count);
      li.append(a, " ", count);
      return li;
    }));
  }, 150);

  input.addEventListener("input", update);
}

const searchBox = $("#q");
// the server names the endpoint only when it serves one
if (searchBox && searchBox.dataset.suggest) setupSuggestions(searchBox);
const peopleBox = $("#who");
if (peopleBox && $("#people-list")) setupPeopleFilter(peopleBox);
