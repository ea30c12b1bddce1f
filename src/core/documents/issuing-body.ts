/**
 * Who issues a unit's proposal, and who signs it, as Nghị định 30/2020/NĐ-CP (Phụ lục I) wants the header and the
 * signature block: the issuing body in upper case with the body directly above it (its cơ quan chủ quản trực tiếp),
 * the head's title, and the body the proposal is addressed to.
 *
 * The unit tree decides first: a unit's parent in the tree is the body above it ("SỞ TƯ PHÁP" above a division of
 * the Sở). Central vertical agencies (Công an, Thuế, Hải quan, Kho bạc, NHNN, BHXH, THADS, courts) sit in the demo tree
 * under the UBND tỉnh only so that the tree has one root — they do not belong to it — so a unit that is a vertical
 * agency (by its type, or recognised by its name below) and whose tree parent is the province gets the body above it
 * from `VERTICAL_AGENCY_KINDS`, and its proposal is addressed to the central body that decides on its procedures.
 */
import { stripAccents } from '../text';

/** The unit as the lookup needs it: from the unit tree (`units`). */
export type TreeUnit = { name: string; shortName: string | null; type: string };

/**
 * How the signer signs, after Nghị định 30/2020/NĐ-CP (Điều 13 and Phụ lục I, mục II.8): the head of the body signs
 * in person; a deputy signs "KT." (ký thay) for the head; an acting head signs "Q." (quyền). A collective body (an
 * Ủy ban nhân dân) is signed for "TM." (thay mặt) by its chairman, or by a vice-chairman "KT." the chairman.
 */
export type DocumentSigner = {
  form: 'head' | 'deputy' | 'acting';
  /** The collective body signed for ("ỦY BAN NHÂN DÂN"), null for a body led by one head. */
  collectiveBody: string | null;
  /** The head's title: "GIÁM ĐỐC", "CHỦ TỊCH". */
  headTitle: string;
  /** The deputy's own title, for `form: 'deputy'`: "PHÓ GIÁM ĐỐC". */
  deputyTitle: string | null;
  /** Printed under the signature; null leaves the room for it (a document not yet signed). */
  name: string | null;
};

/**
 * The unit's abbreviation used in document numbers ("Số: /PA-STP"): initials of its words, an abbreviation such as
 * UBND kept whole and ending it ("UBND xã Mỹ Hòa Hưng" → "UBND", "Văn phòng UBND tỉnh" → "VPUBND"), "và" skipped
 * ("Sở Nông nghiệp và Môi trường" → "SNNMT"). The clerk who numbers the document can correct it by hand.
 */
export function abbreviateUnit(unitName: string): string {
  let abbreviation = '';
  for (const word of stripAccents(unitName).split(/\s+/)) {
    if (word === '' || word.toLowerCase() === 'va') continue;
    if (word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)) return abbreviation + word;
    abbreviation += word.charAt(0).toUpperCase();
  }
  return abbreviation;
}

/** The unit types of the province's own administration; any other type (a central vertical agency) is not local. */
const LOCAL_UNIT_TYPES = new Set(['province', 'department', 'division', 'commune', 'district', 'desk']);
/** Unit types that are an Ủy ban nhân dân: a collective body, signed "TM. ỦY BAN NHÂN DÂN", with no body above it. */
const PEOPLES_COMMITTEE_TYPES = new Set(['province', 'commune', 'district']);

type HeadTitles = { headTitle: string; deputyTitle: string };

/**
 * Central vertical agencies on a province's territory, by kind (data, not code: correct a name here when an
 * agency is reorganised). `parentBody` is the header's upper line (the body directly above, NĐ 30 Phụ lục I mục
 * II.3); `addressee` the central body that decides on the agency's procedures, to which its proposal goes (the
 * province only consolidates it); the titles are those of the agency's head and deputy. Names after the 2025
 * reorganisation: Thuế tỉnh under Cục Thuế, Chi cục Hải quan khu vực under Cục Hải quan, Kho bạc Nhà nước khu vực
 * under Kho bạc Nhà nước (all of Bộ Tài chính); Ngân hàng Nhà nước khu vực; BHXH tỉnh under BHXH Việt Nam; THADS tỉnh
 * under Bộ Tư pháp.
 */
export const VERTICAL_AGENCY_KINDS: readonly ({
  kind: string;
  /** Recognises the agency by its name in the unit tree (words end at `(?![\p{L}\p{N}])`: `\b` is ASCII-only). */
  namePattern: RegExp;
  parentBody: string;
  addressee: string;
} & HeadTitles)[] = [
  {
    kind: 'police',
    namePattern: /^Công an (tỉnh|thành phố)(?![\p{L}\p{N}])/iu,
    parentBody: 'Bộ Công an',
    addressee: 'Bộ Công an',
    headTitle: 'Giám đốc',
    deputyTitle: 'Phó Giám đốc',
  },
  {
    kind: 'tax',
    namePattern: /^Thuế (tỉnh|thành phố)(?![\p{L}\p{N}])/iu,
    parentBody: 'Cục Thuế',
    addressee: 'Bộ Tài chính',
    headTitle: 'Trưởng Thuế tỉnh',
    deputyTitle: 'Phó Trưởng Thuế tỉnh',
  },
  {
    kind: 'customs',
    namePattern: /^Chi cục Hải quan(?![\p{L}\p{N}])/iu,
    parentBody: 'Cục Hải quan',
    addressee: 'Bộ Tài chính',
    headTitle: 'Chi cục trưởng',
    deputyTitle: 'Phó Chi cục trưởng',
  },
  {
    kind: 'treasury',
    namePattern: /^Kho bạc Nhà nước(?![\p{L}\p{N}])/iu,
    parentBody: 'Kho bạc Nhà nước',
    addressee: 'Bộ Tài chính',
    headTitle: 'Giám đốc',
    deputyTitle: 'Phó Giám đốc',
  },
  {
    kind: 'central_bank',
    namePattern: /^Ngân hàng Nhà nước(?![\p{L}\p{N}])/iu,
    parentBody: 'Ngân hàng Nhà nước Việt Nam',
    addressee: 'Ngân hàng Nhà nước Việt Nam',
    headTitle: 'Giám đốc',
    deputyTitle: 'Phó Giám đốc',
  },
  {
    kind: 'social_insurance',
    namePattern: /^Bảo hiểm xã hội(?![\p{L}\p{N}])/iu,
    parentBody: 'Bảo hiểm xã hội Việt Nam',
    addressee: 'Bảo hiểm xã hội Việt Nam',
    headTitle: 'Giám đốc',
    deputyTitle: 'Phó Giám đốc',
  },
  {
    kind: 'civil_judgment_enforcement',
    namePattern: /^Thi hành án dân sự(?![\p{L}\p{N}])/iu,
    parentBody: 'Bộ Tư pháp',
    addressee: 'Bộ Tư pháp',
    headTitle: 'Trưởng Thi hành án dân sự tỉnh',
    deputyTitle: 'Phó Trưởng Thi hành án dân sự tỉnh',
  },
  {
    kind: 'court',
    namePattern: /^Tòa án nhân dân(?![\p{L}\p{N}])/iu,
    parentBody: 'Tòa án nhân dân tối cao',
    addressee: 'Tòa án nhân dân tối cao',
    headTitle: 'Chánh án',
    deputyTitle: 'Phó Chánh án',
  },
];

/** The head of a local body by how its name begins; the first match wins. */
const LOCAL_HEAD_TITLES: readonly ({ namePattern: RegExp } & HeadTitles)[] = [
  { namePattern: /^Sở(?![\p{L}\p{N}])/u, headTitle: 'Giám đốc', deputyTitle: 'Phó Giám đốc' },
  { namePattern: /^Văn phòng(?![\p{L}\p{N}])/u, headTitle: 'Chánh Văn phòng', deputyTitle: 'Phó Chánh Văn phòng' },
  { namePattern: /^Thanh tra(?![\p{L}\p{N}])/u, headTitle: 'Chánh Thanh tra', deputyTitle: 'Phó Chánh Thanh tra' },
  { namePattern: /^Ban(?![\p{L}\p{N}])/u, headTitle: 'Trưởng ban', deputyTitle: 'Phó Trưởng ban' },
  { namePattern: /^Chi cục(?![\p{L}\p{N}])/u, headTitle: 'Chi cục trưởng', deputyTitle: 'Phó Chi cục trưởng' },
  { namePattern: /^Cục(?![\p{L}\p{N}])/u, headTitle: 'Cục trưởng', deputyTitle: 'Phó Cục trưởng' },
  { namePattern: /^Phòng(?![\p{L}\p{N}])/u, headTitle: 'Trưởng phòng', deputyTitle: 'Phó Trưởng phòng' },
  { namePattern: /^Trung tâm(?![\p{L}\p{N}])/u, headTitle: 'Giám đốc', deputyTitle: 'Phó Giám đốc' },
  { namePattern: /^Bộ phận(?![\p{L}\p{N}])/u, headTitle: 'Trưởng bộ phận', deputyTitle: 'Phó Trưởng bộ phận' },
];
/** A body whose name says nothing of its head (an unusual name in an imported tree): its leader's generic title. */
const DEFAULT_HEAD_TITLES: HeadTitles = { headTitle: 'Giám đốc', deputyTitle: 'Phó Giám đốc' };
const PEOPLES_COMMITTEE = 'Ủy ban nhân dân';
const PEOPLES_COMMITTEE_PREFIX = /^(UBND|Ủy ban nhân dân)\s+/iu;

export type IssuingBodyLookup = {
  /** Upper-case header lines and the symbol (documents/types.ts `IssuingBody`). */
  parent: string | null;
  name: string;
  symbol: string;
  shortName: string;
  addressee: string;
  recipients: string[];
  signer: Omit<DocumentSigner, 'name'>;
  isVerticalAgency: boolean;
  /**
   * For a central vertical agency, the central body that approves or rejects its proposal (the addressee, e.g.
   * "Bộ Công an"; "bộ, ngành Trung ương quản lý" for an agency of unknown kind); null for the province's own units.
   */
  centralDecider: string | null;
};

/** Decides on a vertical agency's proposal when its kind is not known from `VERTICAL_AGENCY_KINDS`. */
const UNKNOWN_CENTRAL_DECIDER = 'bộ, ngành Trung ương quản lý';

function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi-VN');
}

function findVerticalKind(unit: TreeUnit) {
  return VERTICAL_AGENCY_KINDS.find((kind) => kind.namePattern.test(unit.name.normalize('NFC')));
}

function isPeoplesCommittee(unit: TreeUnit): boolean {
  return PEOPLES_COMMITTEE_TYPES.has(unit.type) || PEOPLES_COMMITTEE_PREFIX.test(unit.name);
}

/** "UBND tỉnh An Giang" → "tỉnh An Giang" (the administrative unit an Ủy ban nhân dân governs). */
function administrativeArea(unit: TreeUnit): string {
  return unit.name.normalize('NFC').replace(PEOPLES_COMMITTEE_PREFIX, '').trim();
}

/**
 * "Công an tỉnh" in a tree that names the province only at its root → "Công an tỉnh An Giang": a body whose header
 * line does not carry the province's name must say which province it is.
 */
function withProvince(name: string, place: string): string {
  return /\s(tỉnh|thành phố)$/iu.test(name) ? `${name} ${place}` : name;
}

/** The province's name for the date line: "An Giang" from "UBND tỉnh An Giang" (the root of the unit tree). */
export function placeName(rootName: string): string {
  return rootName
    .normalize('NFC')
    .replace(/^(UBND|Ủy ban nhân dân)\s+/iu, '')
    .replace(/^(tỉnh|thành phố)\s+/iu, '')
    .trim();
}

/** The document symbol: the unit's short name when it is an abbreviation ("STP", "CAT"), else its initials. */
export function unitSymbol(unit: TreeUnit, abbreviate: (name: string) => string): string {
  const shortName = unit.shortName?.normalize('NFC').trim() ?? '';
  return /^[A-ZĐ][A-ZĐ0-9-]*$/u.test(shortName) ? shortName : abbreviate(unit.name.normalize('NFC'));
}

/**
 * The header, addressee, recipients and signature form of a proposal of `unit`. `ancestors` runs from the unit's
 * parent up to the root of the tree (the province); `place` is the province's name ("An Giang").
 */
export function resolveIssuingBody(
  unit: TreeUnit,
  ancestors: TreeUnit[],
  place: string,
  abbreviate: (name: string) => string,
): IssuingBodyLookup {
  const treeParent = ancestors[0] ?? null;
  const root = ancestors.at(-1) ?? unit;
  const provinceAddressee = `UBND ${administrativeArea(root)}`.replace(/\s+/g, ' ');
  const symbol = unitSymbol(unit, abbreviate);

  if (isPeoplesCommittee(unit)) {
    const area = administrativeArea(unit);
    const isProvince = treeParent === null;
    return {
      parent: null,
      name: `${upper(PEOPLES_COMMITTEE)}\n${upper(area)}`,
      symbol,
      shortName: `${PEOPLES_COMMITTEE} ${area}`,
      addressee: isProvince ? 'Chính phủ' : provinceAddressee,
      recipients: isProvince ? ['Văn phòng Chính phủ', 'Lưu: VT'] : [`${provinceAddressee} (qua Văn phòng UBND tỉnh)`, 'Lưu: VT'],
      signer: { form: 'head', collectiveBody: upper(PEOPLES_COMMITTEE), headTitle: 'CHỦ TỊCH', deputyTitle: 'PHÓ CHỦ TỊCH' },
      isVerticalAgency: false,
      centralDecider: null,
    };
  }

  // A vertical agency itself, or a unit inside one (its own kind, or that of the nearest ancestor that has one).
  const ownKind = findVerticalKind(unit);
  const agencyKind = ownKind ?? ancestors.map(findVerticalKind).find((kind) => kind !== undefined);
  const isFlaggedVertical = !LOCAL_UNIT_TYPES.has(unit.type);
  const isVerticalAgency = agencyKind !== undefined || isFlaggedVertical;
  const parentIsProvince = treeParent !== null && isPeoplesCommittee(treeParent) && treeParent === root;

  let parent: string | null;
  if (treeParent === null) parent = null;
  else if (isVerticalAgency && parentIsProvince) {
    // The tree puts the agency under the province; its header names its own superior (or, unknown, none).
    parent = ownKind ? upper(ownKind.parentBody) : null;
  } else if (isPeoplesCommittee(treeParent)) parent = upper(`UBND ${administrativeArea(treeParent)}`);
  else parent = upper(treeParent.name);

  const name = isVerticalAgency ? withProvince(unit.name.normalize('NFC'), place) : unit.name.normalize('NFC');
  const titles = ownKind ?? LOCAL_HEAD_TITLES.find((entry) => entry.namePattern.test(name)) ?? DEFAULT_HEAD_TITLES;
  const addressee = agencyKind?.addressee ?? provinceAddressee;
  const recipients = agencyKind
    ? [`${agencyKind.addressee} (để xem xét, quyết định)`, `${provinceAddressee} (qua Văn phòng UBND tỉnh, để tổng hợp)`, 'Lưu: VT']
    : [`${provinceAddressee} (qua Văn phòng UBND tỉnh)`, 'Lưu: VT'];
  return {
    parent,
    name: upper(name),
    symbol,
    shortName: name,
    addressee,
    recipients,
    signer: { form: 'head', collectiveBody: null, headTitle: upper(titles.headTitle), deputyTitle: upper(titles.deputyTitle) },
    isVerticalAgency,
    centralDecider: isVerticalAgency ? (agencyKind?.addressee ?? UNKNOWN_CENTRAL_DECIDER) : null,
  };
}
