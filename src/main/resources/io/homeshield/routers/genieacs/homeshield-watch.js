// HomeShield settings watch, installed by HomeShield as the provision "homeshield-watch" and run by the
// preset of the same name in every session of every router. GenieACS keeps a parameter's value from the
// last time something read it; this reads the settings HomeShield watches (DNS servers, ACS URL, remote
// access, UPnP: the preset's arguments) in every session, so the device document shows a change the
// router made on its own by the next inform.
const now = Date.now();
// Only paths of the data model the router speaks; its Inform (already stored) tells which, without
// asking the router for a root it does not have.
const root = declare("Device.DeviceInfo.SoftwareVersion", {}).size ? "Device." : "InternetGatewayDevice.";
for (const path of args) {
  if (path.startsWith(root)) declare(path, {path: now, value: now});
}
