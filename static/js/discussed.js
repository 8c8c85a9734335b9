// "About" on each action offers the people the meeting discusses: those ticked under
// "People discussed". The server offers the people sent with the form (an action is about
// someone discussed); this keeps every "About" list, and the empty row new actions are
// copied from, in step as people are ticked and unticked. A person already chosen in a
// row stays there if unticked, so nothing chosen vanishes: saving then says why it cannot.
(() => {
  const ABOUT = 'select[name^="actions-"][name$="-about"]';

  function discussed() {
    const seen = new Map();
    for (const box of document.querySelectorAll('input[type="checkbox"][name="people"]:checked')) {
      if (!seen.has(box.value)) seen.set(box.value, box.dataset.name || box.value);
    }
    return seen;
  }

  function refresh(select, people) {
    const chosen = select.value;
    const none = select.options[0];
    const options = [...people].map(([id, name]) => new Option(name, id, false, id === chosen));
    if (chosen && !people.has(chosen)) {
      const kept = [...select.options].find((option) => option.value === chosen);
      if (kept) options.push(new Option(kept.text, chosen, false, true));
    }
    select.replaceChildren(none, ...options);
  }

  document.addEventListener("change", (event) => {
    if (!event.target.matches('input[type="checkbox"][name="people"]')) return;
    const people = discussed();
    for (const select of document.querySelectorAll(ABOUT)) refresh(select, people);
    const empty = document.getElementById("actions-empty");
    if (empty) for (const select of empty.content.querySelectorAll(ABOUT)) refresh(select, people);
  });
})();
