/**
 * The most common passwords, from public breach lists (top few hundred, lower case).
 * A password is refused when it is one of these, or one of these followed by digits or
 * symbols ("password12"), so the list holds the bare words too.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
123456 123456789 12345678 1234567890 12345 1234567 123123 1234 111111 000000 654321 666666 121212 112233
123321 987654321 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2 zaq12wsx zaq1zaq1 qazwsx qwerty qwertyuiop qwerty123
qwertyuiop123 qwerasdf asdfghjkl asdfgh asdf zxcvbnm zxcvbn 1234qwer qwe123 abc123 abcd1234 abcdefg abcdefgh
abcdefghij a1b2c3d4 a1b2c3 password passw0rd p@ssw0rd p@ssword pa55word password1 passwort motdepasse contraseña
iloveyou iloveyou1 princess sunshine shadow monkey dragon football baseball basketball soccer hockey
letmein welcome welcome1 master login admin administrator root changeme default secret trustno1 whatever
freedom superman batman spiderman starwars pokemon computer internet michael jennifer jessica ashley
charlie daniel jordan thomas robert matthew andrew joshua anthony william hunter ranger buster tigger
harley hannah amanda nicole summer winter spring autumn flower lovely loveme mylove babygirl sweetheart
chocolate cookie butterfly purple orange yellow silver golden diamond maggie ginger pepper cheese
banana apple samsung google facebook linkedin youtube twitter instagram microsoft
qwertyui qwerty12 asdfasdf zxcvzxcv qweqweqwe qweasdzxc 1q2w3e 1q2w3e4r5t6y 147258369 159753 159357
789456123 741852963 963852741 123654 123qwe 123abc 12qwaszx q1w2e3r4 q1w2e3r4t5 a12345678
aa123456 aaaaaa aaaaaaaa abcabc abc12345 password123 password1234 passwordpassword
iloveyou123 monkey123 dragon123 football1 baseball1 letmein123 welcome123 admin123 admin1234
michelle jessica1 superstar rockstar blink182 matrix killer hello hello123 helloworld
thunder mustang corvette ferrari porsche mercedes chelsea arsenal liverpool barcelona
family friends forever together heaven angel angels jesus christ blessed faith
therapist therapy massage massagetherapy wellness healing relax relaxation bodywork
carryover practice clinic health healthy physio physiotherapy
trustno1 access access14 shadow1 master1 mustang1 michael1 jordan23 charlie1 andrea
1111111111 0000000000 2222222222 1212121212 0123456789 9876543210 1029384756
`
    .split(/\s+/)
    .filter(Boolean),
);
