// Word lists the entity extractor classifies with: places, organisation cues, person titles,
// given names, and capitalised words that are never names. Plain data, kept in one place so it
// can be read and extended; archive-specific fixes belong in the aliases file instead.

const words = (text: string): string[] => text.split('|').map((word) => word.trim()).filter(Boolean);

/** Countries, territories, regions, US states, and cities often in the news (as written in English). */
export const PLACES = new Set(
  words(`
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|
Bulgaria|Burkina Faso|Burma|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|
Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|
Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|
Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|
Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|
Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|
Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
North Korea|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|
Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|
Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|
Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|
United States|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|
England|Scotland|Wales|Northern Ireland|Britain|Great Britain|Greenland|Puerto Rico|Hong Kong|Macau|Tibet|Xinjiang|
Crimea|Donbas|Kashmir|Chechnya|Kurdistan|Catalonia|Basque Country|Flanders|Bavaria|Sicily|Sardinia|Corsica|Tasmania|
Gaza|Gaza Strip|West Bank|Golan Heights|Sinai|Jerusalem|East Jerusalem|Tel Aviv|Ramallah|Rafah|Khan Younis|Hebron|
Haifa|Nablus|Jenin|Sharm el-Sheikh|Cairo|Alexandria|Doha|Riyadh|Jeddah|Mecca|Medina|Dubai|Abu Dhabi|Muscat|Manama|
Kuwait City|Baghdad|Basra|Mosul|Erbil|Damascus|Aleppo|Idlib|Homs|Raqqa|Beirut|Amman|Tehran|Ankara|Istanbul|Kabul|
Kandahar|Islamabad|Karachi|Lahore|Delhi|New Delhi|Mumbai|Kolkata|Chennai|Bangalore|Bengaluru|Hyderabad|Dhaka|
Colombo|Kathmandu|Beijing|Shanghai|Shenzhen|Guangzhou|Wuhan|Taipei|Tokyo|Osaka|Kyoto|Seoul|Pyongyang|Manila|Jakarta|
Bali|Bangkok|Hanoi|Ho Chi Minh City|Kuala Lumpur|Yangon|Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|Auckland|
Wellington|Moscow|St Petersburg|Saint Petersburg|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Mariupol|Minsk|Warsaw|Krakow|Prague|
Vienna|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Sarajevo|Athens|Rome|Milan|Naples|Turin|Venice|Florence|Madrid|
Barcelona|Seville|Valencia|Lisbon|Porto|Paris|Marseille|Lyon|Nice|Brussels|Antwerp|Amsterdam|Rotterdam|The Hague|
Berlin|Munich|Hamburg|Frankfurt|Cologne|Stuttgart|Dusseldorf|Düsseldorf|Bonn|Zurich|Zürich|Geneva|Bern|Basel|
Davos|Copenhagen|Stockholm|Oslo|Helsinki|Reykjavik|Dublin|Belfast|London|Manchester|Liverpool|Birmingham|Leeds|
Glasgow|Edinburgh|Cardiff|Bristol|Newcastle|Sheffield|Nottingham|Leicester|Oxford|Cambridge|Brighton|Southampton|
Aberdeen|Dundee|Swansea|Wembley|Wimbledon|Westminster|Whitehall|Downing Street|Nairobi|Lagos|Abuja|Accra|
Addis Ababa|Khartoum|Darfur|Mogadishu|Kinshasa|Kampala|Kigali|Dakar|Johannesburg|Cape Town|Pretoria|Durban|Harare|
Tripoli|Benghazi|Tunis|Algiers|Casablanca|Rabat|Washington|Washington DC|New York|New York City|Los Angeles|
San Francisco|Chicago|Boston|Miami|Houston|Dallas|Atlanta|Seattle|Detroit|Philadelphia|Las Vegas|Hollywood|
Silicon Valley|Manhattan|Brooklyn|Wall Street|Toronto|Montreal|Vancouver|Ottawa|Mexico City|Havana|Caracas|Bogota|
Lima|Santiago|Buenos Aires|Sao Paulo|São Paulo|Rio de Janeiro|Brasilia|Quito|La Paz|Montevideo|
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|
Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|
Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|
Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|
Europe|Asia|Africa|North America|South America|Latin America|Antarctica|Arctic|Middle East|Near East|Far East|
Gulf|Persian Gulf|Balkans|Caucasus|Scandinavia|Caribbean|Mediterranean|Red Sea|Black Sea|Baltic|Sahel|
Horn of Africa|Central Asia|South Asia|Southeast Asia|East Asia|Eastern Europe|Western Europe|Pacific|Atlantic|
Indian Ocean|Strait of Hormuz|Suez Canal|Lebanon|Yorkshire|Lancashire|Kent|Essex|Surrey|Cornwall|Devon|Ulster`),
);

/** Single words that end organisation names (`Bank of England`, `Labour Party`, `Acme Ltd`). */
export const ORGANIZATION_WORDS = new Set(
  words(`
Inc|Inc.|Ltd|Ltd.|Limited|Corp|Corp.|Corporation|Co|Co.|plc|PLC|LLC|LLP|AG|SA|NV|GmbH|Group|Holdings|Bank|Bancorp|
University|College|School|Academy|Institute|Institution|Foundation|Trust|Fund|Party|Council|Ministry|Department|
Agency|Association|Union|Commission|Committee|Court|Tribunal|Parliament|Congress|Senate|Assembly|Cabinet|Office|
Service|Services|Board|Authority|Federation|League|Club|FC|Society|Organisation|Organization|Company|Airlines|
Airways|Motors|Industries|Technologies|Systems|Networks|Communications|Media|Studios|Records|Pictures|Entertainment|
Times|Post|Journal|Herald|Tribune|Guardian|Telegraph|Gazette|News|Press|Reuters|Exchange|Reserve|Treasury|Army|
Navy|Force|Forces|Police|Brigade|Brigades|Movement|Front|Alliance|Coalition|Church|Hospital|Museum|Orchestra|Team`),
);

/** Organisations known by a name that carries no cue. */
export const KNOWN_ORGANIZATIONS = new Set(
  words(`
Hamas|Hezbollah|Hizbollah|Fatah|Taliban|al-Qaeda|Al-Qaeda|al-Shabab|Boko Haram|ISIS|ISIL|Islamic State|Houthis|
Muslim Brotherhood|IRA|PLO|NATO|Nato|UN|United Nations|EU|European Union|European Commission|WHO|UNICEF|UNESCO|UNRWA|
IMF|World Bank|WTO|OPEC|Opec|OECD|G7|G8|G20|ASEAN|African Union|Arab League|Red Cross|Red Crescent|Amnesty International|
Human Rights Watch|Greenpeace|Oxfam|FIFA|Fifa|UEFA|Uefa|IOC|Olympics|BBC|CNN|CBS|NBC|ABC|Fox News|Sky|ITV|Channel 4|
Reuters|Associated Press|AP|AFP|Bloomberg|Al Jazeera|New York Times|Washington Post|Wall Street Journal|Financial Times|
White House|Kremlin|Pentagon|State Department|Downing Street|Congress|Senate|Knesset|Bundestag|Duma|FBI|CIA|NSA|
NASA|Interpol|Europol|Mossad|Shin Bet|IDF|MI5|MI6|GCHQ|NHS|Ofcom|Ofgem|Ofsted|FTSE|Nasdaq|Dow Jones|SEC|FCC|FDA|
Google|Alphabet|Apple|Microsoft|Amazon|Meta|Facebook|Instagram|WhatsApp|Twitter|TikTok|YouTube|Netflix|Spotify|
Tesla|SpaceX|OpenAI|Nvidia|Intel|IBM|Oracle|Samsung|Sony|Nintendo|Toyota|Honda|Nissan|Ford|General Motors|
Volkswagen|BMW|Mercedes|Renault|Fiat|Boeing|Airbus|Shell|BP|Exxon|ExxonMobil|Chevron|Gazprom|Rosneft|Aramco|
Walmart|Tesco|Sainsbury's|Vodafone|BT|Nokia|Ericsson|Siemens|Philips|Unilever|Nestle|Nestlé|Pfizer|Moderna|
AstraZeneca|GlaxoSmithKline|Goldman Sachs|Morgan Stanley|JP Morgan|JPMorgan|Citigroup|Barclays|HSBC|Lloyds|
Deutsche Bank|Yukos|Yahoo|eBay|AOL|Disney|Warner Bros|Universal|Paramount|Labour|Conservatives|Tories|
Liberal Democrats|Lib Dems|Democrats|Republicans|Arsenal|Chelsea|Liverpool FC|Manchester United|Man Utd|
Manchester City|Tottenham|Everton|Newcastle United|Real Madrid|Barcelona FC|Juventus|Bayern Munich|Celtic|Rangers`),
);

/** Titles and roles written before a person's name; stripped from the name, and evidence it is a person. */
export const PERSON_TITLES = new Set(
  words(`
Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Mx|Dr|Dr.|Prof|Prof.|Professor|Sir|Dame|Lord|Lady|Baroness|Baron|Rev|Rev.|Reverend|
Father|Sister|Brother|Rabbi|Imam|Sheikh|Pope|King|Queen|Prince|Princess|Duke|Duchess|Emperor|Sultan|Emir|
President|Vice President|Prime Minister|Premier|Chancellor|Minister|Secretary|Ambassador|Envoy|Governor|Gov.|
Senator|Sen.|Rep.|Representative|Congressman|Congresswoman|Mayor|Judge|Justice|General|Gen.|Colonel|Col.|
Major|Maj.|Captain|Capt.|Lieutenant|Lt.|Sergeant|Sgt.|Admiral|Adm.|Commander|Chief|Coach|Manager|Director|
Chairman|Chairwoman|Chair|CEO|Ayatollah|Crown Prince|MP|MEP|Speaker|Leader|Deputy|Officer|Detective|
Inspector|Superintendent|Commissioner|Attorney General|Councillor|Councilman|Striker|Midfielder|Defender|
Goalkeeper|Skipper|Director-General`),
);

/** Words after which a name is a person (`said`), checked on the word after a candidate. */
export const PERSON_VERBS = new Set(
  words('said|says|told|added|explained|argued|insisted|warned|wrote|tweeted|claimed|denied|admitted|believes|thinks|hopes|asked|replied|announced|confirmed|revealed|stated|noted|urged|vowed|stressed|suggested|recalled|joked'),
);

/** Common given names (a sample across languages): a capitalised pair starting with one is a person. */
export const GIVEN_NAMES = new Set(
  words(`
Aaron|Abdul|Abdullah|Abu|Adam|Adrian|Ahmad|Ahmed|Aidan|Alan|Albert|Alberto|Alec|Alejandro|Alex|Alexander|Alexandra|
Alexei|Alfred|Ali|Alice|Alicia|Alison|Amanda|Amber|Amir|Amy|Ana|Anatoly|Andre|Andrea|Andreas|Andrei|Andres|Andrew|
Andy|Angela|Angelina|Angus|Ann|Anna|Anne|Annie|Anthony|Antoine|Anton|Antonio|Arnold|Arthur|Ashley|Ashraf|Avi|
Barack|Barbara|Barry|Bashar|Ben|Benjamin|Bernard|Bernie|Beth|Bill|Billy|Bob|Bobby|Boris|Brad|Bradley|Brendan|Brian|
Bruce|Bruno|Bryan|Carl|Carlos|Carol|Caroline|Catherine|Charles|Charlie|Charlotte|Chris|Christian|Christina|
Christine|Christopher|Chuck|Claire|Claude|Colin|Connor|Craig|Dan|Daniel|Danny|Dave|David|Dean|Debbie|Deborah|Dennis|
Derek|Diana|Diane|Dick|Dmitry|Dominic|Don|Donald|Doug|Douglas|Duncan|Dylan|Ed|Eddie|Edward|Elena|Eli|Elizabeth|Ella|
Ellen|Emily|Emma|Emmanuel|Eric|Erik|Ernest|Ethan|Eva|Fatima|Felix|Fernando|Frank|Frankie|Fred|Frederick|Gary|Gavin|
Geoff|Geoffrey|George|Gerald|Gerard|Gerhard|Gilad|Gordon|Graham|Greg|Gregory|Hamad|Hans|Harold|Harry|Hassan|Heather|
Helen|Henry|Hillary|Howard|Hugh|Hugo|Hussein|Ian|Igor|Ibrahim|Isaac|Ismail|Ivan|Jack|Jacob|Jacques|Jake|James|Jamie|
Jan|Jane|Janet|Jared|Jason|Javier|Jean|Jeff|Jeffrey|Jennifer|Jenny|Jeremy|Jerome|Jerry|Jess|Jessica|Jim|Jimmy|Jo|Joan|
Joanna|Joe|Joel|John|Johnny|Jon|Jonathan|Jordan|Jorge|Jose|José|Joseph|Josh|Joshua|Juan|Judith|Julia|Julian|Julie|
Justin|Karen|Karim|Kate|Katherine|Kathleen|Kathryn|Katie|Keir|Keith|Kelly|Kemi|Ken|Kenneth|Kevin|Khaled|Khalid|Khalil|
Kim|Kirsty|Kristi|Kylie|Lance|Larry|Laura|Lauren|Lee|Leo|Leon|Lewis|Liam|Linda|Lindsey|Lisa|Liz|Louis|Louise|Lucy|Luis|
Luke|Lynn|Mahmoud|Malcolm|Marco|Marcus|Margaret|Maria|Marie|Marina|Mark|Martin|Mary|Matt|Matthew|Maurice|Max|Megan|
Melania|Melissa|Michael|Michel|Michelle|Miguel|Mike|Mikhail|Mitch|Mo|Mohamed|Mohammad|Mohammed|Muhammad|Naftali|
Nancy|Naomi|Natalie|Nathan|Neil|Nick|Nicholas|Nicola|Nicolas|Nigel|Nikki|Noah|Oleg|Oliver|Olivia|Omar|Oscar|Owen|
Pamela|Pat|Patricia|Patrick|Paul|Paula|Pedro|Pete|Peter|Phil|Philip|Philippe|Pierre|Priti|Rachel|Rafael|Ralph|Ramzi|
Raul|Ray|Rebecca|Recep|Richard|Rick|Rishi|Rob|Robert|Roberto|Robin|Roger|Roman|Ron|Ronald|Rory|Ross|Roy|Ruth|Ryan|
Saad|Sadiq|Sally|Salman|Sam|Samantha|Samuel|Sandra|Sara|Sarah|Scott|Sean|Sebastian|Sergei|Sergey|Shane|Sharon|
Simon|Sophie|Stephen|Steve|Steven|Stuart|Sue|Susan|Suzanne|Tamim|Tariq|Ted|Terry|Theresa|Thomas|Tim|Timothy|Tina|Toby|
Tom|Tommy|Tony|Tracy|Ursula|Valerie|Vanessa|Victor|Victoria|Vince|Vincent|Viktor|Vladimir|Volodymyr|Walter|Wayne|
Wendy|Will|William|Xi|Yahya|Yair|Yasser|Yitzhak|Yousef|Yusuf|Yuri|Zach|Zachary|Zoe`),
);

/** Nationality and group adjectives: capitalised, but not entities themselves. */
export const DEMONYMS = new Set(
  words(`
American|Americans|British|Briton|Britons|English|Scottish|Welsh|Irish|French|German|Germans|Italian|Italians|
Spanish|Portuguese|Dutch|Belgian|Swiss|Austrian|Swedish|Norwegian|Danish|Finnish|Polish|Czech|Hungarian|Romanian|
Bulgarian|Greek|Greeks|Turkish|Turks|Russian|Russians|Ukrainian|Ukrainians|Belarusian|Israeli|Israelis|Palestinian|
Palestinians|Arab|Arabs|Arabic|Egyptian|Egyptians|Saudi|Saudis|Qatari|Qataris|Emirati|Iranian|Iranians|Iraqi|Iraqis|
Syrian|Syrians|Lebanese|Jordanian|Kurdish|Kurds|Afghan|Afghans|Pakistani|Pakistanis|Indian|Indians|Chinese|Japanese|
Korean|Koreans|Vietnamese|Thai|Indonesian|Filipino|Australian|Australians|Canadian|Canadians|Mexican|Mexicans|
Brazilian|Argentine|Argentinian|Chilean|Colombian|Venezuelan|Cuban|African|Africans|Nigerian|Kenyan|Ethiopian|
Somali|Sudanese|Libyan|Moroccan|Algerian|Tunisian|European|Europeans|Asian|Asians|Western|Westerners|Eastern|Northern|
Southern|Muslim|Muslims|Christian|Christians|Jewish|Jews|Jew|Catholic|Catholics|Protestant|Islamic|Islamist|
Islamists|Sunni|Shia|Shiite|Hindu|Hindus|Sikh|Buddhist|Latino|Hispanic|Scandinavian|Middle Eastern|
Soviet|Western-backed|Iranian-backed|Pro-Palestinian|Anti-Semitic|Republican|Democratic|Democrat|Conservative|
Liberal|Tory|Socialist|Communist|Nazi|Nazis|Zionist|Jihadist|Jihadists|Olympic`),
);

/**
 * Capitalised words that are never a name or the start of one: function words, sentence starters,
 * months and days, headline and section labels, and page boilerplate. Time zones are not here:
 * `ZONE_ABBREVIATIONS` (dates.ts) keeps every zone ingest reads from being a name.
 */
export const NEVER_NAMES = new Set(
  words(`
A|An|The|This|That|These|Those|There|Here|It|Its|It's|He|She|His|Her|Hers|Him|They|Them|Their|We|Our|Us|You|Your|I|
Me|My|Mine|Who|Whom|Whose|What|Which|When|Where|Why|How|If|Then|But|And|Or|Nor|So|Yet|For|Of|In|On|At|By|To|From|
With|Without|Within|Into|Onto|Upon|Over|Under|After|Before|During|Since|Until|While|Although|Though|Because|As|
Also|Even|Still|Just|Only|Both|Either|Neither|Each|Every|All|Any|Some|Many|Much|More|Most|Few|Several|Such|No|Not|
None|Nothing|Yes|Indeed|However|Meanwhile|Moreover|Furthermore|Therefore|Thus|Instead|Otherwise|Nevertheless|
Nonetheless|Additionally|Finally|First|Firstly|Second|Secondly|Third|Last|Lastly|Next|Now|Today|Tonight|Yesterday|
Tomorrow|Later|Earlier|Once|Twice|Again|Already|Perhaps|Maybe|Probably|Certainly|Clearly|Obviously|Surely|Sadly|
Fortunately|Unfortunately|Ultimately|Overall|Historically|Currently|Recently|According|Among|Amid|Against|Despite|
Regarding|Following|Including|Like|Unlike|Whether|Why|Whatever|Whoever|Wherever|Whenever|Let|Please|Thanks|Thank|
Sources|Source|Critics|Officials|Experts|Analysts|Observers|Supporters|Opponents|Residents|Witnesses|People|
Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|One|Hundreds|Thousands|Millions|Dozens|Half|
January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|
Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Ramadan|Eid|
Opinion|Analysis|Comment|Editorial|Context|Conclusion|Introduction|Background|Summary|Update|Updated|Breaking|
Exclusive|Watch|Listen|Read|Share|Published|Advertisement|Sponsored|Related|Report|Reports|Shock|Facts|Fact|News|
Leave|Reply|Comments|Email|Required|Subscribe|Sign|Login|Log|Follow|Click|Copyright|Photo|Image|Video|Getty|
Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Dr|Dr.|Sir|President|Minister|Envoy|Senator|Governor|Chancellor|Secretary|
Government|Administration|Prime|Vice|
Senior|Junior|Former|Chief|Deputy|Acting|Interim|Web|Online|TV|Radio|God|Allah|
OK|Ok|Hi|Oh|Well|Yeah|Sorry|Good|Bad|Best|Worst|Very|Really|Quite|Too|Enough|Rather|Almost|Nearly|About|Around|
Above|Below|Across|Along|Behind|Beyond|Between|Through|Throughout|Towards|Toward|Up|Down|Out|Off|Away|Back|Together|
Why|Mon|Tue|Wed|Thu|Fri|Sat|Sun|AM|PM|AD|BC|CEO|CFO|MP|MPs|MEP|PhD|OBE|MBE|CBE|TV|DVD|CD|
PC|GDP|VAT|IT|AI|UK-based|US-based|Inside|Outside|Week|Month|Year|Years|Age|Era|Part|Chapter|Section|Page|Vol|No.|
Number|Oscars|R&B`),
);

/** Last words of place names that are not in the gazetteer (`Old Trafford Stadium`, `Baker Street`). */
export const PLACE_ENDINGS = new Set(
  words('Street|Road|Square|Avenue|Stadium|Bridge|Airport|Station|Island|Islands|River|Lake|Mountains|Valley|County|Province|Region|District|Bay|Coast|Peninsula'),
);

/** Last words of the names of events and works: such a name is no person (`The Catherine Tate Show`). */
export const WORK_ENDINGS = new Set(
  words('Show|Awards|Award|Festival|Prize|Cup|Trophy|Open|Games|Championship|Championships|Tour|Series|Album|Film|Movie|Novel|Trilogy|Saga|Day|Week|Act|Bill|Agreement|Accord|Treaty|Plan|Report|Review|Inquiry'),
);
