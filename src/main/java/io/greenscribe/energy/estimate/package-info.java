/** Energy estimated from process CPU time and the CPU's TDP, for machines with no power counters. */
package io.greenscribe.energy.estimate;
