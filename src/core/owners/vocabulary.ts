/**
 * Words that tell who does what in minutes. Kept as data so the rules read as one list each.
 * Written in Simplified; the Traditional forms real minutes also use are derived (./traditional).
 */

import { bothScripts, withTraditional, words } from '../text/traditional';

/**
 * A department or unit: 产品部, 信息技术部, 客服中心, 资讯处, 采购课, 设计组, 外包团队, 稽核室. A pattern source
 * in Simplified: the regexes built from it go through {@link bothScripts}.
 */
export const DEPARTMENT_SUFFIX =
  '(?:部门|事业部|办公室|委员会|中心|团队|部(?!署|分|门)|组(?!织|成|合|件|长)|处(?!理|置|于)|(?<!会议|教|机|实验|办公|休息|茶水|会客)室|课(?!程)|科(?!技|学|研|目)|办(?!法|理))';

/** Titles that make a department (or nothing) into a role: 技术部主管, 市场部经理. As a pattern source too. */
export const ROLE_TITLE_WORDS = '主管|经理|总监|组长|负责人|主任|总经理|BP';
export const ROLE_TITLES = withTraditional(words(ROLE_TITLE_WORDS));

/** What 各 makes a group of (各部门, 各事业部财务 BP), longer forms first: a mention takes the first that matches. */
export const GROUP_UNITS = '组|部门|业务部门接口人|业务部门|事业部财务\\s?BP|事业部|大区|团队|分店|位|方';

/** Groups that are nobody in particular: the guide wants a named owner instead. */
export const COLLECTIVE_PATTERNS: readonly RegExp[] = [
  bothScripts(/^(?:大家|我们|全员|全体|所有人|各位|双方|各方|相关方|相关部门)/),
  bothScripts(new RegExp(`^各(?:${GROUP_UNITS}|门店|部)`)),
  /^(?:we|us|everyone|everybody|all|team|the team|all teams|all department heads|department heads|people|teams|all staff|all hands)$/i,
  /^all (?:team|department|project|the )?(?:leads|heads|managers|owners|members|staff|teams)\b/i,
];

/** Not an owner yet: 待定, TBD. */
export const UNDECIDED_OWNER = bothScripts(/^(?:待定|未定|待确认|待分配|TBD|TBA|N\/?A|none|无|暂无|—+|-+|－+|\/)$/i);

/** Words before a name that make it the receiver or counterpart of the work, not its owner. */
export const RECEIVER_BEFORE = bothScripts(
  /(?:发给|交给|提交给|同步给|转给|给到|发到|抄送|告知|通知|给|交|向|与|跟|同|和|对接|\bto|\bwith|\bfor|\bfrom|\bsend|\bsends|\bemail|\bping|\bcc)\s*@?$/i,
);

/** Common single- and double-character Chinese surnames, to accept a name not in the roster. */
export const CJK_SURNAMES =
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛阎闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉';
export const CJK_DOUBLE_SURNAMES = withTraditional(
  words('欧阳|司马|上官|诸葛|东方|慕容|申屠|令狐|皇甫|尉迟|公孙|夏侯|长孙|宇文|司徒|端木|独孤|南宫|西门'),
);

/** Words that look like a name but are common nouns or verbs at the start of a line. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  withTraditional(
    words(
      '会议|时间|日期|地点|备注|其他|结论|决议|待办|说明|背景|现状|讨论|议题|处理|意见|负责|完成|状态|预算|进展|风险|问题|方案|' +
        '目标|主题|参会|出席|缺席|列席|主持|记录|纪录|任务|事项|行动|分工|计划|总结|安排|通知|成果|明天|后天|今天|本周|下周|' +
        '周五|月底|年底|上线|测试|市场|产品|研发|运营|财务|法务|客服|技术|销售|设计|采购|行政|人事|物流',
    ),
  ),
);
