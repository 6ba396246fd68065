-- Each OpenWrt router's own rpcd login: the password is kept sealed (AES-GCM) with a key from the environment.
ALTER TABLE router ADD COLUMN management_username VARCHAR(64);
ALTER TABLE router ADD COLUMN management_password_sealed VARCHAR(255);
