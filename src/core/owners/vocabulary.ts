/**
 * Words that tell who does what in minutes. Kept as data so the rules read as one list each.
 * Simplified and Traditional forms both appear in real minutes.
 */

/** A department or unit: 产品部, 信息技术部, 客服中心, 资讯处, 采购课, 设计组, 外包团队, 稽核室. */
export const DEPARTMENT_SUFFIX =
  '(?:部门|部門|事业部|事業部|办公室|辦公室|委员会|委員會|中心|團隊|团队|部(?!署|分|门|門)|组(?!织|織|成|合|件|长|長)|組(?!織|成|合|件|長)|处(?!理|置|于)|處(?!理|置|於)|(?<!会议|會議|教|机|機|实验|實驗|办公|辦公|休息|茶水|会客|會客)室|課|课(?!程)|科(?!技|学|學|研|目)|办(?!法|理)|辦(?!法|理))';

/** Titles that make a department (or nothing) into a role: 技术部主管, 市场部经理. */
export const ROLE_TITLES = ['主管', '经理', '經理', '总监', '總監', '组长', '組長', '负责人', '負責人', '主任', '总经理', '總經理', 'BP'];

/** Groups that are nobody in particular: the guide wants a named owner instead. */
export const COLLECTIVE_PATTERNS: readonly RegExp[] = [
  /^(?:大家|我们|我們|全员|全員|全体|全體|所有人|各位|双方|雙方|各方|相关方|相關方|相关部门|相關部門)/,
  /^各(?:组|組|部门|部門|业务部门|業務部門|事业部|事業部|大区|大區|团队|團隊|分店|门店|門店|位|方|部)/,
  /^(?:we|us|everyone|everybody|all|team|the team|all teams|all department heads|department heads|people|teams|all staff|all hands)$/i,
  /^all (?:team|department|project|the )?(?:leads|heads|managers|owners|members|staff|teams)\b/i,
];

/** Not an owner yet: 待定, TBD. */
export const UNDECIDED_OWNER = /^(?:待定|未定|待确认|待確認|待分配|TBD|TBA|N\/?A|none|无|無|暂无|暫無|—+|-+|－+|\/)$/i;

/** Verbs that make the name before them the owner: 王芳负责, 阎凯牵头, 由金瑞跟进. */
export const OWNER_MARKERS = ['牵头', '牽頭', '负责', '負責', '主责', '主責', '跟进', '跟進', '具体跟进', '具體跟進', '统筹', '統籌', '主导', '主導', 'owns', 'leads', 'will own', 'to own', 'owner'];

/** Verbs that make the name before them a collaborator: 崔莹协助, IT 运维部配合. */
export const COLLABORATOR_MARKERS = ['配合', '协助', '協助', '协办', '協辦', '支持', '支援', '协同', '協同', 'support', 'supports', 'assist', 'assists', 'helps'];

/** Words before a name that make it the receiver or counterpart of the work, not its owner. */
export const RECEIVER_BEFORE = /(?:发给|發給|交给|交給|提交给|提交給|同步给|同步給|转给|轉給|给到|給到|发到|發到|抄送|告知|通知|给|給|交|向|与|與|跟|同|和|对接|對接|\bto|\bwith|\bfor|\bfrom|\bsend|\bsends|\bemail|\bping|\bcc)\s*@?$/i;

/** Common single- and double-character Chinese surnames, to accept a name not in the roster. */
export const CJK_SURNAMES =
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛阎闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉';
export const CJK_DOUBLE_SURNAMES = ['欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '東方', '慕容', '申屠', '令狐', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '夏侯', '长孙', '長孫', '宇文', '司徒', '端木', '独孤', '獨孤', '南宫', '南宮', '西门', '西門'];

/** Words that look like a name but are common nouns or verbs at the start of a line. */
export const NOT_NAMES = new Set([
  '会议', '會議', '时间', '時間', '日期', '地点', '地點', '备注', '備註', '其他', '结论', '結論', '决议', '決議', '待办', '待辦', '说明', '說明',
  '背景', '现状', '現狀', '讨论', '討論', '议题', '議題', '处理', '處理', '意见', '意見', '负责', '負責', '完成', '状态', '狀態', '预算', '預算',
  '进展', '進展', '风险', '風險', '问题', '問題', '方案', '目标', '目標', '主题', '主題', '参会', '參會', '出席', '缺席', '列席', '主持', '记录',
  '記錄', '纪录', '紀錄', '任务', '任務', '事项', '事項', '行动', '行動', '分工', '计划', '計劃', '總結', '总结', '安排', '通知', '成果',
  '明天', '后天', '今天', '本周', '下周', '周五', '月底', '年底', '上线', '上線', '测试', '測試', '市场', '市場', '产品', '產品', '研发', '研發',
  '运营', '運營', '财务', '財務', '法务', '法務', '客服', '技术', '技術', '销售', '銷售', '设计', '設計', '采购', '採購', '行政', '人事', '物流',
]);
