// Fees and charges: one entry per distinct published fee row (cases are never added up).

import type { Channel, ProcedureFee } from './procedure-input';
import type { SourceChannel } from './read-source';
import { cleanLine, foldForMatch } from './text';

const CHANNEL_LABEL: Record<Channel, string> = {
  direct: 'nộp trực tiếp',
  online: 'nộp trực tuyến',
  postal: 'qua bưu chính',
};
const NO_INFORMATION = 'Không có thông tin';
const FREE_WITHOUT_AMOUNT = /^(khong|khong co|khong quy dinh|khong thu|mien|mien phi|mien le phi)\.?$/;
/** "Miễn lệ phí (…)", "Không thu lệ phí …": free, unless someone else sets the amount or it is free only for some. */
const STATES_FREE = /^(mien (le )?phi|khong thu)/;
const AMOUNT_SET_ELSEWHERE = /hoi dong nhan dan|hdnd|muc (thu|le phi|phi)|doi voi:/;

interface FeeRow {
  text: string;
  channels: Channel[];
  isFused: boolean;
}

interface ParsedHead {
  isFree: boolean;
  digits: string | null;
  currency: 'VND' | 'USD' | null;
  description: string;
}

/** "500,000 Việt Nam Đồng(theo ...)" → digits "500000", description "theo ...". */
export function parseHead(text: string): ParsedHead {
  const open = text.indexOf('(');
  const head = (open >= 0 ? text.slice(0, open) : text).trim();
  const description =
    open >= 0
      ? text
          .slice(open + 1)
          .replace(/\)\s*$/, '')
          .trim()
      : '';
  if (/^Miễn phí$/i.test(head)) return { isFree: true, digits: null, currency: null, description };
  const amount = /^([\d.,]+)\s*(VNĐ|Việt Nam Đồng|đồng|USD)$/i.exec(head);
  if (!amount) return { isFree: false, digits: null, currency: null, description: text };
  const currency = amount[2]?.toUpperCase() === 'USD' ? 'USD' : 'VND';
  return { isFree: false, digits: (amount[1] ?? '').replace(/[.,]/g, ''), currency, description };
}

/** Amounts in đồng stated in a description ("100.000 đồng/lần", "25.000đ/tem"). */
export function amountsInDescription(description: string): number[] {
  const found = new Set<number>();
  const pattern = /(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|đ\b|đ\/|vnđ|vnd)/gi;
  for (const match of description.matchAll(pattern)) {
    const value = Number((match[1] ?? '').replace(/[.,]/g, ''));
    if (value >= 1000) found.add(value);
  }
  return [...found];
}

/** Values under 1,000 đ were entered in thousands: accept ×1000 only when the description confirms it. */
function confirmAmount(value: number, stated: number[]): number | null {
  if (value >= 1000) return value;
  return stated.includes(value * 1000) ? value * 1000 : null;
}

export function amountOf(text: string, isFused: boolean): number | null {
  const head = parseHead(text);
  const stated = amountsInDescription(head.description);
  if (head.isFree) {
    if (stated.length === 1) return stated[0] ?? null;
    if (stated.length > 1) return null;
    const note = foldForMatch(head.description).replace(/^[-+*(\s]+/, '');
    const isStatedFree = note === '' || FREE_WITHOUT_AMOUNT.test(note) || (STATES_FREE.test(note) && !AMOUNT_SET_ELSEWHERE.test(note));
    return isStatedFree ? 0 : null;
  }
  if (head.currency !== 'VND' || !head.digits) return null;
  const value = Number(head.digits);
  // Time and fee cells run together ("1" + "20 VNĐ" → "120 VNĐ"): drop the leading time digit.
  const looksFused = head.digits.startsWith('1') && !stated.includes(value) && stated.includes(Number(head.digits.slice(1)) * 1000);
  if (isFused || looksFused) {
    const unfused = Number(head.digits.slice(1));
    return unfused > 0 ? confirmAmount(unfused, stated) : null;
  }
  return confirmAmount(value, stated);
}

const vnd = new Intl.NumberFormat('vi-VN');

/**
 * The published text as a citizen reads it: the portal glues the amount to its note ("800,000 Việt Nam Đồng(áp
 * dụng …)", sometimes with doubled brackets). The amount is written once, as parsed ("800.000 đồng"), or — when it
 * could not be confirmed (entered in thousands, fused with the time) — left out, and the note follows in brackets.
 */
export function feeTextOf(text: string, amountVnd: number | null): string {
  const head = parseHead(text);
  const note = head.description.replace(/^\(+/, '').replace(/\)+$/, '').trim();
  if (head.isFree) return note ? `Miễn phí (${note})` : 'Miễn phí';
  if (head.digits === null) return text;
  if (head.currency === 'USD') return note ? `${vnd.format(Number(head.digits))} USD (${note})` : `${vnd.format(Number(head.digits))} USD`;
  const amount = amountVnd !== null ? `${vnd.format(amountVnd)} đồng` : null;
  if (amount && note) return `${amount} (${note})`;
  return amount ?? (note || text);
}

/** Signs of a glued fee text: a currency stuck to a bracket, doubled brackets. */
export const FEE_ARTEFACTS = /(đồng|VNĐ|USD|Miễn phí)\(|\(\(/i;

function labelOf(text: string): { name: string; kind: 'fee' | 'charge' } {
  const { description } = parseHead(text);
  const labelled = /^[-+\s]*((?:Lệ phí|Phí)[^:;()]{0,80}):/i.exec(description);
  const folded = foldForMatch(labelled?.[1] ?? description);
  const kind: 'fee' | 'charge' = /^phi\b/.test(folded) || (/\bphi\b/.test(folded) && !/le phi/.test(folded)) ? 'fee' : 'charge';
  if (labelled?.[1]) return { name: cleanLine(labelled[1]), kind };
  return { name: kind === 'fee' ? 'Phí' : 'Lệ phí', kind };
}

function collectRows(channels: SourceChannel[]): FeeRow[] {
  const rows: FeeRow[] = [];
  for (const channel of channels) {
    // Some rows double the note's brackets ("Đồng((…))"): the same text as the rows that do not.
    const text = channel.fee?.text ? cleanLine(channel.fee.text).replace(/\(\(([^()]*)\)\)/g, '($1)') : '';
    if (!text) continue;
    const isFused = channel.note?.includes('run together') ?? false;
    const existing = rows.find((row) => row.text === text);
    if (existing) {
      if (!existing.channels.includes(channel.kind)) existing.channels.push(channel.kind);
      existing.isFused ||= isFused;
    } else rows.push({ text, channels: [channel.kind], isFused });
  }
  return rows;
}

export function parseFees(channels: SourceChannel[]): ProcedureFee[] {
  const rows = collectRows(channels);
  const allKinds = new Set(channels.map((channel) => channel.kind));
  const informative = rows.filter((row) => row.text !== NO_INFORMATION);
  if (informative.length === 0) {
    return rows.length > 0 ? [{ name: 'Phí, lệ phí', amountVnd: null, text: NO_INFORMATION, kind: 'charge' }] : [];
  }
  return informative.map((row) => {
    const { name, kind } = labelOf(row.text);
    const coversAll = row.channels.length === allKinds.size;
    const sameChannels = informative.filter((other) => other.channels.join() === row.channels.join());
    const caseNumber = sameChannels.length > 1 ? sameChannels.indexOf(row) + 1 : 0;
    const qualifiers = [
      ...(coversAll ? [] : [row.channels.map((channel) => CHANNEL_LABEL[channel]).join(', ')]),
      ...(caseNumber > 0 ? [`trường hợp ${caseNumber}`] : []),
    ];
    const amountVnd = amountOf(row.text, row.isFused);
    return {
      name: qualifiers.length > 0 ? `${name} (${qualifiers.join('; ')})` : name,
      amountVnd,
      text: feeTextOf(row.text, amountVnd),
      kind,
    };
  });
}
