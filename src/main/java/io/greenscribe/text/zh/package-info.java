/**
 * Mandarin inverse text normalization: Chinese numerals to Arabic digits where written Chinese uses
 * digits. Internal to the text module; reach it through {@code InverseTextNormalizer.forLanguage("zh")}.
 */
package io.greenscribe.text.zh;
