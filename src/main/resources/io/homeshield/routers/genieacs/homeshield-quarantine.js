// HomeShield quarantine, installed by HomeShield as the provision "homeshield-quarantine" and run by
// the preset of the same name on every router tagged "quarantine". Each device HomeShield quarantines
// on the router has a tag "quarantine_<MAC without colons>"; for each, the router must keep a denying
// Device.Hosts.AccessControl entry, so a router that lost the entry (restart, factory reset, changed by
// hand) gets it back in the same session.
// Entries are found by PhysAddress in any letter case: routers keep MAC addresses in upper or lower
// case, and GenieACS compares instance keys ([PhysAddress:"..."]) exactly, so an entry looked up by key
// alone would be added again in every session on a router that keeps lower case.
const now = Date.now();
const wanted = [];
for (const tag of declare("Tags.*", {value: now})) {
  const match = /^Tags\.quarantine_([0-9A-F]{12})$/.exec(tag.path);
  if (match) wanted.push(match[1].match(/../g).join(":"));
}
if (wanted.length) {
  const addresses = declare("Device.Hosts.AccessControl.*.PhysAddress", {path: now, value: now});
  for (const mac of wanted) {
    const entries = [];
    for (const address of addresses) {
      if (String(address.value[0]).toUpperCase() === mac) {
        entries.push(address.path.slice(0, -".PhysAddress".length));
      }
    }
    if (!entries.length) {
      const entry = "Device.Hosts.AccessControl.[PhysAddress:\"" + mac + "\"]";
      declare(entry, {path: now}, {path: 1});
      entries.push(entry);
    }
    for (const entry of entries) {
      declare(entry + ".AccessPolicy", {value: now}, {value: "Deny"});
      declare(entry + ".Enable", {value: now}, {value: true});
    }
  }
}
