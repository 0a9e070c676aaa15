/** Linux powercap RAPL energy counters ({@code /sys/class/powercap/intel-rapl:*}). */
package io.greenscribe.energy.rapl;
