/**
 * Vim filetype names (runtime/syntax/*.vim) that Hatena's highlighter knows, so ```go becomes `lang-go`. Names
 * outside Vim's list (`js`, `bash`, `shell`, `ts`) are what Hatena then prints without the `lang-` prefix.
 */
export const VIM_FILETYPES: ReadonlySet<string> = new Set(`
a65 aap abap abaqus abc abel acedb ada aflex ahdl aidl alsaconf amiga aml ampl ant antlr apache apachestyle arch
arduino art asm asm68k asmh8300 asn aspperl aspvbs asterisk asteriskvm atlas autodoc autohotkey autoit automake
ave awk ayacc b baan basic bc bdf bib bindzone blank bst btm bzl bzr c cabal cabalconfig cabalproject calendar
catalog cdl cdrdaoconf cdrtoc cf cfg ch chaiscript change changelog chaskell cheetah chicken chill chordpro cl
clean clipper clojure cmake cmakecache cmod cmusrc cobol coco conaryrecipe conf config context cpp crm crontab cs
csc csdl csh csp css cterm ctrlh cucumber cuda cupl cuplsim cvs cvsrc cweb cynlib cynpp d dart datascript dcd dcl
debchangelog debcontrol debcopyright debsources def denyhosts dep3patch desc desktop dictconf dictdconf diff
dircolors dirpager diva django dns dnsmasq docbk docbksgml docbkxml dockerfile dosbatch dosini dot doxygen dracula
dsl dtd dtml dtrace dts dune dylan dylanintr dylanlid ecd edif editorconfig eiffel elf elinks elixir elm elmfilt
erlang eruby esmtprc esqlc esterel eterm euphoria eviews exim expect exports falcon fan fasm fdcc fetchmail fgl fish
flexwiki focexec form forth fortran foxpro fpcmake framescript freebasic fstab fvwm fvwm2m4 gdb gdmo gedcom
gemtext gitattributes gitcommit gitconfig gitignore gitolite gitrebase gitsendemail gkrellmrc glsl gnash
gnuplot go godoc gp gpg grads gretl groff groovy group grub gsp gtkrc haml hamster haskell haste hastepreproc hb
hcl help hercules hex hgcommit hitest hog hostconf hostsaccess html htmlcheetah htmldjango htmlm4 htmlos ia64 ibasic
icemenu icon idl idlang indent inform initex initng inittab ipfilter ishd iss ist j java javacc javascript
javascriptreact jess jgraph jinja jovial jproperties jq json json5 jsonc jsp julia kconfig kivy kix kotlin krl kscript
kwt lace latte ld ldapconf ldif less lex lftp lhaskell libao lifelines lilo limits liquid lisp lite litestep
loginaccess logindefs logtalk lotos lout lpc lprolog lscript lsl lss lua lynx m3build m3quake m4 mail mailaliases
mailcap make mallard man manconf manual maple markdown masm mason master matlab maxima mel meson messages mf mgl mgp
mib mix mma mmix mmp modconf model modsim3 modula2 modula3 monk moo mp mplayerconf mrxvtrc msidl msmessages msql
mupad murphi mush muttrc mysql n1ql named nanorc nasm nastran natural ncf netrc netrw nginx ninja nix nosyntax nqc
nroff nsis obj objc objcpp ocaml occam omnimark openroad openscad opl ora pamconf pamenv papp pascal passwd
pcap pccts pdf perl perl6 pf pfmain php phtml pic pike pilrc pine pinfo plaintex plm plp plsql po pod postscr pov
povini ppd ppwiz prescribe privoxy procmail progress prolog promela proto protocols ps1 ps1xml psf ptcap purifylog
pyrex python qb64 qf quake r racc racket radiance raku ratpoison rc rcs rcslog readline rebol redif registry 
remind resolv reva rexx rhelp rib rmd rnc rng rnoweb robots routeros rpcgen rpl rrst rst rtf ruby rust samba sas sass
sather sbt scala scheme scilab screen scss sd sdc sdl sed sendpr sensors services setserial sgml sgmldecl sgmllnx sh
sicad sieve sil simula sinda sindacmp sindaout sisu skill sl slang slice slpconf slpreg slpspi slrnrc slrnsc sm
smarty smcl smil smith sml snnsnet snnspat snnsres snobol4 spec specman spice splint spup spyce sql sqlanywhere
sqlforms sqlhana sqlinformix sqlj sqloracle sqr squid srec sshconfig sshdconfig st stata stp strace sudoers svg
svn swift swiftgyb synload syntax sysctl systemd systemverilog tads tags tak takcmp takout tap tar taskdata taskedit
tcl tcsh template teraterm terminfo tex texinfo texmf tf tidy tilde tli tmux toml tpp trasys treetop trustees tsalt
tsscl tssgm tssop tt2 tt2html tt2js typescript typescriptreact uc udevconf udevperm udevrules uil updatedb
upstart upstreamdat upstreaminstalllog upstreamlog usserverlog usw2kagtlog valgrind vb vera verilog verilogams vgrindefs
vhdl vim viminfo virata vmasm voscm vrml vroom wast wdiff web webmacro wget whitespace winbatch wml wsh wsml wvdial
xbl xdefaults xf86conf xhtml xinetd xkb xmath xml xmodmap xpm xpm2 xquery xs xsd xslt xxd yacc yaml z8a zig zimbu zsh
`.trim().split(/\s+/));
