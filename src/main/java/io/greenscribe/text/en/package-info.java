/**
 * English inverse text normalization: spoken-form numbers, money, dates and times to written form.
 * Internal to the text module; reach it through {@code InverseTextNormalizer.forLanguage("en")}.
 */
package io.greenscribe.text.en;
