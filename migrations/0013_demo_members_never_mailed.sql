-- Demo members get addresses under the reserved .invalid domain, which the forum never mails; members loaded by
-- earlier versions (demo.example.org) move there too, so a forum set up with the demo mails no one who is not real.
UPDATE users SET email = replace(email, '@demo.example.org', '@demo.example.invalid')
 WHERE email LIKE '%@demo.example.org';
