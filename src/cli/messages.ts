/** Localized CLI texts (English and Simplified Chinese). */
import type { LocalizedText } from '../core/l10n';

export const cliMessages = {
  usage: {
    en: `formula-lens: activations and losses with PyTorch, Keras and TF.js semantics

Usage:
  formula-lens list [--json]
  formula-lens eval NAME ARRAY [--framework torch|keras|tfjs] [--param k=v ...] [--grad] [--json]
  formula-lens loss NAME --y-true ARRAY --y-pred ARRAY [--reduction mean|sum|none|batchmean]
                    [--framework ...] [--param k=v ...] [--grad] [--json]
  formula-lens batch [FILE]          (reads stdin when FILE is absent)
  formula-lens scan FILE [--json]
  formula-lens train CONFIG [--steps N | --epochs N] [--json]

Options:
  --lang en|zh-cn   language of messages (default: from LANG / LC_ALL)
  --help            this text

ARRAY is a literal as you would write it in code: [1, -2.5, nan], [[1, 2], [3, 4]],
np.array([...]), torch.tensor([...]), tf.tensor2d(...). NaN and Infinity are accepted.`,
    'zh-cn': `formula-lens：按 PyTorch、Keras 和 TF.js 语义计算激活函数与损失函数

用法：
  formula-lens list [--json]
  formula-lens eval 名称 数组 [--framework torch|keras|tfjs] [--param k=v ...] [--grad] [--json]
  formula-lens loss 名称 --y-true 数组 --y-pred 数组 [--reduction mean|sum|none|batchmean]
                    [--framework ...] [--param k=v ...] [--grad] [--json]
  formula-lens batch [文件]          （未给出文件时读取标准输入）
  formula-lens scan 文件 [--json]
  formula-lens train 配置文件 [--steps N | --epochs N] [--json]

选项：
  --lang en|zh-cn   消息语言（默认取自 LANG / LC_ALL）
  --help            显示本帮助

数组的写法与代码中相同：[1, -2.5, nan]、[[1, 2], [3, 4]]、np.array([...])、
torch.tensor([...])、tf.tensor2d(...)。可以使用 NaN 和 Infinity。`,
  },
  unknownCommand: {
    en: 'Unknown command "{name}". Use one of: list, eval, loss, batch, scan, train (see --help).',
    'zh-cn': '未知命令 "{name}"。可用命令：list、eval、loss、batch、scan、train（见 --help）。',
  },
  missingCommand: {
    en: 'Missing command. Use one of: list, eval, loss, batch, scan, train (see --help).',
    'zh-cn': '缺少命令。可用命令：list、eval、loss、batch、scan、train（见 --help）。',
  },
  badOption: { en: 'Invalid arguments: {detail} (see --help).', 'zh-cn': '参数无效：{detail}（见 --help）。' },
  missingArgument: { en: 'Missing {argument}: expected {expected}.', 'zh-cn': '缺少 {argument}：应为{expected}。' },
  expectedName: { en: 'a function name such as relu or gelu', 'zh-cn': '函数名，例如 relu 或 gelu' },
  expectedLossName: { en: 'a loss name such as mse or binary_crossentropy', 'zh-cn': '损失函数名，例如 mse 或 binary_crossentropy' },
  expectedArray: { en: 'an array such as [1, -2, 0.5]', 'zh-cn': '数组，例如 [1, -2, 0.5]' },
  expectedFile: { en: 'a file path', 'zh-cn': '文件路径' },
  badArray: { en: '{argument}: {detail}', 'zh-cn': '{argument}：{detail}' },
  badParam: {
    en: '--param "{text}": expected name=value, for example --param negative_slope=0.1.',
    'zh-cn': '--param "{text}"：应为 名称=值，例如 --param negative_slope=0.1。',
  },
  badReduction: {
    en: '--reduction "{value}": expected mean, sum, none or batchmean.',
    'zh-cn': '--reduction "{value}"：应为 mean、sum、none 或 batchmean。',
  },
  badInteger: { en: '{argument} "{value}": expected a positive integer.', 'zh-cn': '{argument} "{value}"：应为正整数。' },
  cannotRead: { en: 'Cannot read {file}: {reason}.', 'zh-cn': '无法读取 {file}：{reason}。' },
  badBatchDocument: {
    en: 'Cannot read the batch document: {detail}. Expected JSON of the form {"cases": [...]}.',
    'zh-cn': '无法读取批处理文档：{detail}。应为 {"cases": [...]} 形式的 JSON。',
  },
  batchCaseMissing: { en: 'case has no {field}', 'zh-cn': '用例缺少 {field}' },
  batchBadKind: { en: 'kind must be "activation" or "loss", got {kind}', 'zh-cn': 'kind 必须是 "activation" 或 "loss"，实际为 {kind}' },
  unexpectedError: {
    en: 'Internal error: {detail}. Please report it with the command you ran.',
    'zh-cn': '内部错误：{detail}。请连同所运行的命令一起报告。',
  },
  headerIndex: { en: 'i', 'zh-cn': '序号' },
  headerInput: { en: 'x', 'zh-cn': 'x' },
  headerValue: { en: 'f(x)', 'zh-cn': 'f(x)' },
  headerGrad: { en: "f'(x)", 'zh-cn': "f'(x)" },
  headerLossGrad: { en: '∂L/∂ŷ', 'zh-cn': '∂L/∂ŷ' },
  labelFunction: { en: 'function', 'zh-cn': '函数' },
  labelFramework: { en: 'framework', 'zh-cn': '框架' },
  labelParams: { en: 'parameters', 'zh-cn': '参数' },
  labelReduction: { en: 'reduction', 'zh-cn': '归约' },
  labelLoss: { en: 'loss', 'zh-cn': '损失' },
  labelFormula: { en: 'formula', 'zh-cn': '公式' },
  labelDerivative: { en: 'derivative', 'zh-cn': '导数' },
  labelRange: { en: 'range', 'zh-cn': '值域' },
  labelAliases: { en: 'names', 'zh-cn': '名称' },
  sectionActivations: { en: 'Activations', 'zh-cn': '激活函数' },
  sectionLosses: { en: 'Losses', 'zh-cn': '损失函数' },
  noParams: { en: '(none)', 'zh-cn': '（无）' },
  unknownFileType: {
    en: 'Cannot tell the language of {file}. Use a .py, .js, .ts, .json, .yaml or .ipynb file.',
    'zh-cn': '无法判断 {file} 的语言。请使用 .py、.js、.ts、.json、.yaml 或 .ipynb 文件。',
  },
  noMentions: { en: 'No activation or loss found in {file}.', 'zh-cn': '在 {file} 中没有找到激活函数或损失函数。' },
  headerLocation: { en: 'line:col', 'zh-cn': '行:列' },
  headerKind: { en: 'kind', 'zh-cn': '类型' },
  headerName: { en: 'function', 'zh-cn': '函数' },
  headerApi: { en: 'written as', 'zh-cn': '写法' },
  headerFramework: { en: 'framework', 'zh-cn': '框架' },
  headerParams: { en: 'parameters', 'zh-cn': '参数' },
  trainProgress: { en: 'step {step}/{total}  loss {loss}', 'zh-cn': '第 {step}/{total} 步  损失 {loss}' },
  trainSummary: {
    en: 'Trained {steps} steps ({epochs} epochs). Final train loss {trainLoss}{trainAccuracy}; test loss {testLoss}{testAccuracy}.',
    'zh-cn': '已训练 {steps} 步（{epochs} 轮）。最终训练损失 {trainLoss}{trainAccuracy}；测试损失 {testLoss}{testAccuracy}。',
  },
  trainAccuracy: { en: ', accuracy {value}', 'zh-cn': '，准确率 {value}' },
  notApplicable: { en: 'n/a', 'zh-cn': '无' },
  stepsAndEpochs: { en: 'Give either --steps or --epochs, not both.', 'zh-cn': '--steps 和 --epochs 只能给出一个。' },
} satisfies Record<string, LocalizedText>;
