/** WattTime API v3 forecast client: marginal emissions (MOER), converted from lbs/MWh to g/kWh. */
package io.greenscribe.carbon.watttime;
