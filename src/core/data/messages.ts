/** Localized messages of the data import (CSV, JSON and array literals as training data). */
import type { LocalizedText } from '../l10n';

export const dataMessages = {
  empty: { en: 'The data has no rows.', 'zh-cn': '数据中没有任何行。' },
  tooManyRows: { en: 'The data has {rows} rows; at most {max} can be imported.', 'zh-cn': '数据有 {rows} 行；最多只能导入 {max} 行。' },
  tooManyColumns: { en: 'The data has {columns} columns; at most {max} can be imported.', 'zh-cn': '数据有 {columns} 列；最多只能导入 {max} 列。' },
  jsonSyntax: { en: 'The JSON cannot be read: {detail}.', 'zh-cn': '无法读取 JSON：{detail}。' },
  jsonShape: {
    en: 'Expected a list of rows ([{"x": 1, "y": 2, "label": 0}, ...] or [[1, 2, 0], ...]) or an object of equally long columns ({"x": [...], "label": [...]}).',
    'zh-cn': '应为行的列表（[{"x": 1, "y": 2, "label": 0}, ...] 或 [[1, 2, 0], ...]），或由等长列组成的对象（{"x": [...], "label": [...]}）。',
  },
  jsonColumnLength: { en: 'Column "{column}" has {actual} values, the first column has {expected}.', 'zh-cn': '列 "{column}" 有 {actual} 个值，而第一列有 {expected} 个。' },
  rowNotList: { en: 'the row is {actual}, not a list or an object', 'zh-cn': '该行是 {actual}，既不是列表也不是对象' },
  fieldCount: { en: '{actual} fields, expected {expected}', 'zh-cn': '有 {actual} 个字段，应为 {expected} 个' },
  unclosedQuote: { en: 'a quoted field is never closed', 'zh-cn': '带引号的字段没有闭合' },
  missingValue: { en: 'no value in column "{column}"', 'zh-cn': '列 "{column}" 没有值' },
  notNumber: { en: '"{value}" in column "{column}" is not a number', 'zh-cn': '列 "{column}" 中的 "{value}" 不是数字' },
  notFinite: { en: '{value} in column "{column}" is not a finite number', 'zh-cn': '列 "{column}" 中的 {value} 不是有限数字' },
  literalShape: {
    en: 'Select a 2-D array (one row per point: the features, then the label), or a 2-D array of points and a list of labels of the same length.',
    'zh-cn': '请选择一个二维数组（每行一个样本点：先是特征，然后是标签），或一个二维样本点数组加上一个等长的标签列表。',
  },
  needsFeature: { en: 'Choose at least one feature column.', 'zh-cn': '请至少选择一个特征列。' },
  labelIsFeature: { en: 'The label column "{column}" cannot also be a feature.', 'zh-cn': '标签列 "{column}" 不能同时作为特征。' },
  unknownColumn: { en: 'There is no column {index}.', 'zh-cn': '不存在第 {index} 列。' },
  noGoodRows: { en: 'No row can be used: every row has a problem.', 'zh-cn': '没有可用的行：每一行都有问题。' },
} satisfies Record<string, LocalizedText>;
