/** Green Software Foundation Carbon Aware SDK WebAPI client ({@code /emissions/forecasts/current}). */
package io.greenscribe.carbon.carbonawaresdk;
