-- A centre's postal code in its own column: the admin panel edits it apart from the address lines.
ALTER TABLE centres ADD COLUMN pincode VARCHAR(12);
