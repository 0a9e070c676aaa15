/** Energy estimated where no counter can be read: CCF's per-vCPU power model, or CodeCarbon's TDP share. */
package io.greenscribe.energy.estimate;
