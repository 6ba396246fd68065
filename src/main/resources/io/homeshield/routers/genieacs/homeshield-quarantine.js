// HomeShield quarantine, installed by HomeShield as the provision "homeshield-quarantine" and run by
// the preset of the same name on every router tagged "quarantine". Each device HomeShield quarantines
// on the router has a tag "quarantine_<MAC without colons>"; for each, the router must keep a denying
// Device.Hosts.AccessControl entry. Entries are found by PhysAddress, so a router that lost the entry
// (restart, factory reset, changed by hand) gets it back in the same session.
const now = Date.now();
const tags = declare("Tags.*", {value: now});
for (const tag of tags) {
  const match = /^Tags\.quarantine_([0-9A-F]{12})$/.exec(tag.path);
  if (!match) continue;
  const mac = match[1].match(/../g).join(":");
  const entry = "Device.Hosts.AccessControl.[PhysAddress:\"" + mac + "\"]";
  declare(entry, {path: now}, {path: 1});
  declare(entry + ".AccessPolicy", {value: now}, {value: "Deny"});
  declare(entry + ".Enable", {value: now}, {value: true});
}
