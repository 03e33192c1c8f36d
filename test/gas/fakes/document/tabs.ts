/** Document-level state: tabs, named ranges, cursor/selection. Pure data; wrappers live in document.ts. */
import { DocNode, appendChild, isAttachedUnder, newKixId } from './model';

/** A range element: a whole element (offsets -1) or a partial Text (start..endInclusive). */
export interface RangePart {
  node: DocNode;
  start: number;
  endInclusive: number;
}

export interface NamedRangeModel {
  id: string;
  name: string;
  parts: RangePart[];
}

export interface PositionModel {
  node: DocNode;
  offset: number;
}

export class TabModel {
  readonly body = new DocNode('BODY_SECTION');
  readonly children: TabModel[] = [];
  parent: TabModel | null = null;
  readonly namedRanges: NamedRangeModel[] = [];

  constructor(
    readonly id: string,
    public title: string,
  ) {
    this.body.owner = this;
    // "A new document has one tab whose body holds exactly one empty Paragraph."
    appendChild(this.body, new DocNode('PARAGRAPH'));
  }

  /**
   * Named ranges whose elements still exist. When an element of a range is removed the range stops returning
   * it; a range with nothing left disappears **[verify exact live behaviour]**.
   */
  liveNamedRanges(): NamedRangeModel[] {
    const out: NamedRangeModel[] = [];
    for (const nr of this.namedRanges) {
      const parts = nr.parts.filter((p) => isAttachedUnder(p.node, this.body));
      if (parts.length) out.push({ ...nr, parts });
    }
    return out;
  }
}

export class DocModel {
  readonly tabs: TabModel[] = [];
  activeTabId: string;
  cursor: PositionModel | null = null;
  selection: RangePart[] | null = null;
  language = 'en';
  saveCount = 0;

  constructor(
    readonly id: string,
    public name: string,
  ) {
    const first = new TabModel('t.0', 'Tab 1');
    this.tabs.push(first);
    this.activeTabId = first.id;
  }

  get url(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }

  allTabs(): TabModel[] {
    const out: TabModel[] = [];
    const walk = (ts: TabModel[]): void => {
      for (const t of ts) {
        out.push(t);
        walk(t.children);
      }
    };
    walk(this.tabs);
    return out;
  }

  findTab(id: string): TabModel | null {
    return this.allTabs().find((t) => t.id === id) ?? null;
  }

  firstTab(): TabModel {
    const t = this.tabs[0];
    if (!t) throw new Error('document has no tab');
    return t;
  }

  activeTab(): TabModel {
    return this.findTab(this.activeTabId) ?? this.firstTab();
  }

  addTab(title: string, parent?: TabModel | null): TabModel {
    const tab = new TabModel(`t.${newKixId().slice(4, 14)}`, title);
    if (parent) {
      tab.parent = parent;
      parent.children.push(tab);
    } else {
      this.tabs.push(tab);
    }
    return tab;
  }

  /** The tab holding `node`, or null when the node is detached. */
  tabOf(node: DocNode): TabModel | null {
    let n = node;
    while (n.parent) n = n.parent;
    return n.owner instanceof TabModel ? n.owner : null;
  }
}
