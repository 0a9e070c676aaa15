/** UK Carbon Intensity API (NESO) 48-hour national forecast client. */
package io.greenscribe.carbon.ukgrid;
