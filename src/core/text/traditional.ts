/**
 * Minutes are written in Simplified or Traditional Chinese. The vocabularies are written once, in Simplified,
 * and read both ways: word lists get each word's Traditional form added, patterns accept either form of
 * every character.
 */

/**
 * The one Simplified/Traditional table: pairs of characters, Simplified first, for the characters the
 * vocabularies and the date rules use. A character without a pair is written the same in both. Some
 * Simplified characters have two Traditional forms (尽: 儘 盡); the first pair gives the form the
 * vocabularies add, and date normalisation (dates/normalize.ts) maps every Traditional form back.
 */
export const CHARACTER_PAIRS =
  '与與业業东東为為于於产產们們从從会會体體关關内內决決划劃办辦务務动動区區协協参參双雙发發号號员員问問团團' +
  '场場处處备備头頭学學孙孫实實审審宫宮对對导導将將应應录錄态態总總执執无無时時暂暫术術机機标標欧歐测測点點' +
  '营營牵牽状狀独獨现現监監确確筹籌纪紀线線组組织織经經结結给給统統编編负負财財责責购購转轉运運进進迟遲连連' +
  '销銷长長门門闭閉开開间間队隊阳陽险險项項预預题題风風马馬验驗计計认認讨討让讓议議记記论論设設评評试試该該旧舊' +
  '说說请請诸諸课課见見采採注註沟溝称稱专專单單识識当當况況链鏈准準资資优優级級' +
  '变變调調档檔没沒达達终終后後来來这這边邊周週馈饋觉覺绍紹释釋补補强強询詢须須礼禮顺順启啟获獲续續签簽约約' +
  '虑慮许許诺諾废廢仅僅观觀两兩几幾万萬亿億响響数數据據踪蹤遗遺阵陣汇匯报報争爭顾顧战戰' +
  '个個尽儘尽盡择擇布佈换換启啓国國庆慶节節诞誕儿兒妇婦劳勞货貨练練钟鐘际際复復过過还還阶階届屆视視随隨' +
  '坛壇车車楼樓库庫厅廳馆館码碼层層栋棟迁遷圣聖广廣拟擬属屬里裡里裏历曆历歷种種举舉仪儀订訂';

const TRADITIONAL: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let i = 0; i < CHARACTER_PAIRS.length; i += 2) {
    const simplified = CHARACTER_PAIRS[i]!;
    if (!map.has(simplified)) map.set(simplified, CHARACTER_PAIRS[i + 1]!);
  }
  return map;
})();

/** The Traditional form of a Simplified word (characters without a Traditional form stay as they are). */
export function toTraditional(word: string): string {
  let out = '';
  for (const ch of word) out += TRADITIONAL.get(ch) ?? ch;
  return out;
}

/** Each word, followed by its Traditional form where that is written differently. */
export function withTraditional(words: readonly string[]): string[] {
  return words.flatMap((word) => {
    const traditional = toTraditional(word);
    return traditional === word ? [word] : [word, traditional];
  });
}

/** A vocabulary written as one '|'-separated string (cheaper to ship than an array literal). */
export function words(list: string): string[] {
  return list.split('|');
}

/** A vocabulary: Chinese words written in Simplified (their Traditional forms added), then other words as written. */
export function vocabulary(simplified: string, asWritten: string): string[] {
  return [...withTraditional(words(simplified)), ...words(asWritten)];
}

/**
 * The pattern, written in Simplified, matching Traditional as well: each character that has a Traditional
 * form becomes a class of both (inside a class, both are listed). Same flags. Not for ranges of Chinese
 * characters inside a class ([业-东] would become [业業-东東]); no pattern here has one.
 */
export function bothScripts(pattern: RegExp): RegExp {
  let source = '';
  let inClass = false;
  const text = pattern.source;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      source += ch + (text[++i] ?? '');
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    const traditional = TRADITIONAL.get(ch);
    source += traditional === undefined ? ch : inClass ? ch + traditional : `[${ch}${traditional}]`;
  }
  return new RegExp(source, pattern.flags);
}
