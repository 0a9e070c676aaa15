/** Electricity Maps API v3 forecast client (average, life-cycle intensity). */
package io.greenscribe.carbon.electricitymaps;
