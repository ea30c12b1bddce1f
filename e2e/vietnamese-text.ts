import type { Page } from 'playwright-core';

/**
 * English words that have no place in the Vietnamese interface. Words that are also Vietnamese without their marks
 * ("do", "in", "an", "to", "may", "menu") are left out; so are names (DOCX, PDF, Zalo).
 */
const ENGLISH_WORDS =
  /\b(the|and|of|with|from|per|same|source|secondary|swap|swapped|days?|off|week(end)?|page|next|previous|loading|error|invalid|required|submit|cancel|search|close|clear|select|choose|nothing found|toggle|show|hide|(mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|august|september|october|november|december|art\.)\b/i;
/** A day written the ISO way, or a 12-hour time: Vietnamese readers expect 01/07/2025 and 13:30. */
const FOREIGN_DATE_OR_TIME = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\s?(AM|PM)\b/;

/** What a person reads or hears on the page: its text, the values of its fields and the names of its controls. */
function readPageTexts(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const texts = document.body.innerText.split('\\n');
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], input, textarea')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
      if ((element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') && element.type !== 'hidden' && element.value) texts.push(element.value);
    }
    texts.push(document.title);
    return texts.map((text) => text.trim()).filter(Boolean);
  })()`);
}

/** Lines of the page that are not Vietnamese: English words, ISO dates, AM/PM times. */
export async function findForeignText(page: Page): Promise<string[]> {
  const texts = await readPageTexts(page);
  const foreign = texts.filter((text) => ENGLISH_WORDS.test(text) || FOREIGN_DATE_OR_TIME.test(text));
  return [...new Set(foreign)].slice(0, 10).map((text) => text.slice(0, 120));
}
