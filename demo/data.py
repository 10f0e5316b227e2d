"""The demo content: real ODOP products, the offices that publish about them,
and two dozen success stories, with translations.

Translations are given as tuples in the order of ``STORY_LOCALES``
(hi, ur, ta, bn, mr). What is written out here is real translation by the
author of this module; see demo/NOTES.md for which strings are and which fall
back to a clearly labelled "translation under review" note.

District LGD codes are best-effort values; check them against
https://lgdirectory.gov.in before relying on them.
"""

from __future__ import annotations

import datetime as dt

STORY_LOCALES = ("hi", "ur", "ta", "bn", "mr")

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))

# (LGD code, English name)
STATES = [
    (1, "Jammu and Kashmir"),
    (3, "Punjab"),
    (8, "Rajasthan"),
    (9, "Uttar Pradesh"),
    (10, "Bihar"),
    (19, "West Bengal"),
    (21, "Odisha"),
    (24, "Gujarat"),
    (27, "Maharashtra"),
    (29, "Karnataka"),
    (32, "Kerala"),
    (33, "Tamil Nadu"),
]

# (LGD code, English name, state LGD code)
DISTRICTS = [
    (11, "Pulwama", 1),
    (13, "Srinagar", 1),
    (27, "Amritsar", 3),
    (36, "Ludhiana", 3),
    (106, "Bikaner", 8),
    (115, "Jaipur", 8),
    (162, "Lucknow", 9),
    (170, "Moradabad", 9),
    (187, "Varanasi", 9),
    (192, "Bhagalpur", 10),
    (211, "Madhubani", 10),
    (216, "Muzaffarpur", 10),
    (304, "Bankura", 19),
    (308, "Darjeeling", 19),
    (317, "Maldah", 19),
    (364, "Koraput", 21),
    (449, "Kachchh", 24),
    (455, "Patan", 24),
    (665, "Gir Somnath", 24),
    (484, "Nagpur", 27),
    (496, "Solapur", 27),
    (555, "Ramanagara", 29),
    (590, "Alappuzha", 32),
    (570, "Kancheepuram", 33),
    (574, "Madurai", 33),
    (582, "Thanjavur", 33),
]

# (slug, English name)
SECTORS = [
    ("agriculture", "Agriculture"),
    ("manufacturing", "Manufacturing"),
    ("handloom-textiles", "Handloom and textiles"),
    ("handicrafts", "Handicrafts"),
    ("food-processing", "Food processing"),
    ("marine", "Marine"),
    ("services", "Services"),
]

# (English name, district LGD code, sector slug, rank, has GI tag)
PRODUCTS = [
    ("Banarasi silk saree", 187, "handloom-textiles", "primary", True),
    ("Gulabi meenakari", 187, "handicrafts", "secondary", True),
    ("Moradabad brassware", 170, "handicrafts", "primary", True),
    ("Lucknow chikankari", 162, "handloom-textiles", "primary", True),
    ("Lucknow zardozi", 162, "handicrafts", "tertiary", True),
    ("Kutch embroidery", 449, "handicrafts", "primary", True),
    ("Patan patola", 455, "handloom-textiles", "primary", True),
    ("Processed fish and marine products", 665, "marine", "primary", False),
    ("Malda mango", 317, "agriculture", "primary", True),
    ("Darjeeling tea", 308, "agriculture", "primary", True),
    ("Tea tourism and homestays", 308, "services", "secondary", False),
    ("Bankura terracotta", 304, "handicrafts", "primary", True),
    ("Kanchipuram silk saree", 570, "handloom-textiles", "primary", True),
    ("Thanjavur art plate", 582, "handicrafts", "primary", True),
    ("Madurai malli", 574, "agriculture", "primary", True),
    ("Amritsar papad warriyan", 27, "food-processing", "primary", False),
    ("Woollen hosiery and knitwear", 36, "handloom-textiles", "primary", False),
    ("Jaipur blue pottery", 115, "handicrafts", "primary", True),
    ("Bikaneri bhujia", 106, "food-processing", "primary", True),
    ("Nagpur orange", 484, "agriculture", "primary", True),
    ("Solapur chaddar", 496, "handloom-textiles", "primary", True),
    ("Kashmir saffron", 11, "agriculture", "primary", True),
    ("Kashmir papier-mache", 13, "handicrafts", "primary", True),
    ("Bhagalpur silk", 192, "handloom-textiles", "primary", True),
    ("Shahi litchi", 216, "agriculture", "primary", True),
    ("Madhubani painting", 211, "handicrafts", "primary", True),
    ("Alleppey coir", 590, "manufacturing", "primary", True),
    ("Koraput kala jeera rice", 364, "agriculture", "primary", True),
    ("Channapatna toys", 555, "handicrafts", "primary", True),
]

MINISTRIES = [
    "Ministry of Commerce & Industry",
    "Department for Promotion of Industry and Internal Trade (DPIIT)",
    "Ministry of Food Processing Industries",
]

# (name, city)
OFFICES = [
    ("PIB Delhi", "Delhi"),
    ("PIB Mumbai", "Mumbai"),
    ("PIB Chennai", "Chennai"),
    ("PIB Kolkata", "Kolkata"),
    ("PIB Lucknow", "Lucknow"),
    ("PIB Ahmedabad", "Ahmedabad"),
    ("PIB Patna", "Patna"),
    ("PIB Chandigarh", "Chandigarh"),
]

# Proper names in (hi, ur, ta, bn, mr).
NAMES: dict[str, tuple[str, str, str, str, str]] = {
    # States and UTs
    "Jammu and Kashmir": ("जम्मू और कश्मीर", "جموں و کشمیر", "ஜம்மு காஷ்மீர்", "জম্মু ও কাশ্মীর", "जम्मू आणि काश्मीर"),
    "Punjab": ("पंजाब", "پنجاب", "பஞ்சாப்", "পাঞ্জাব", "पंजाब"),
    "Rajasthan": ("राजस्थान", "راجستھان", "ராஜஸ்தான்", "রাজস্থান", "राजस्थान"),
    "Uttar Pradesh": ("उत्तर प्रदेश", "اتر پردیش", "உத்தரப் பிரதேசம்", "উত্তরপ্রদেশ", "उत्तर प्रदेश"),
    "Bihar": ("बिहार", "بہار", "பீகார்", "বিহার", "बिहार"),
    "West Bengal": ("पश्चिम बंगाल", "مغربی بنگال", "மேற்கு வங்கம்", "পশ্চিমবঙ্গ", "पश्चिम बंगाल"),
    "Odisha": ("ओडिशा", "اوڈیشہ", "ஒடிசா", "ওড়িশা", "ओडिशा"),
    "Gujarat": ("गुजरात", "گجرات", "குஜராத்", "গুজরাট", "गुजरात"),
    "Maharashtra": ("महाराष्ट्र", "مہاراشٹر", "மகாராஷ்டிரா", "মহারাষ্ট্র", "महाराष्ट्र"),
    "Karnataka": ("कर्नाटक", "کرناٹک", "கர்நாடகா", "কর্ণাটক", "कर्नाटक"),
    "Kerala": ("केरल", "کیرالہ", "கேரளா", "কেরালা", "केरळ"),
    "Tamil Nadu": ("तमिलनाडु", "تمل ناڈو", "தமிழ்நாடு", "তামিলনাড়ু", "तमिळनाडू"),
    # Districts
    "Pulwama": ("पुलवामा", "پلوامہ", "புல்வாமா", "পুলওয়ামা", "पुलवामा"),
    "Srinagar": ("श्रीनगर", "سرینگر", "ஸ்ரீநகர்", "শ্রীনগর", "श्रीनगर"),
    "Amritsar": ("अमृतसर", "امرتسر", "அமிர்தசரஸ்", "অমৃতসর", "अमृतसर"),
    "Ludhiana": ("लुधियाना", "لدھیانہ", "லூதியானா", "লুধিয়ানা", "लुधियाना"),
    "Bikaner": ("बीकानेर", "بیکانیر", "பிகானேர்", "বিকানের", "बिकानेर"),
    "Jaipur": ("जयपुर", "جے پور", "ஜெய்ப்பூர்", "জয়পুর", "जयपूर"),
    "Lucknow": ("लखनऊ", "لکھنؤ", "லக்னோ", "লখনউ", "लखनौ"),
    "Moradabad": ("मुरादाबाद", "مرادآباد", "மொராதாபாத்", "মোরাদাবাদ", "मुरादाबाद"),
    "Varanasi": ("वाराणसी", "وارانسی", "வாரணாசி", "বারাণসী", "वाराणसी"),
    "Bhagalpur": ("भागलपुर", "بھاگلپور", "பாகல்பூர்", "ভাগলপুর", "भागलपूर"),
    "Madhubani": ("मधुबनी", "مدھوبنی", "மதுபனி", "মধুবনী", "मधुबनी"),
    "Muzaffarpur": ("मुजफ्फरपुर", "مظفرپور", "முசாபர்பூர்", "মুজফফরপুর", "मुझफ्फरपूर"),
    "Bankura": ("बांकुड़ा", "بانکوڑا", "பாங்குரா", "বাঁকুড়া", "बांकुरा"),
    "Darjeeling": ("दार्जिलिंग", "دارجلنگ", "டார்ஜிலிங்", "দার্জিলিং", "दार्जिलिंग"),
    "Maldah": ("मालदा", "مالدہ", "மால்டா", "মালদা", "मालदा"),
    "Koraput": ("कोरापुट", "کوراپٹ", "கோராபுட்", "কোরাপুট", "कोरापुट"),
    "Kachchh": ("कच्छ", "کچھ", "கச்சு", "কচ্ছ", "कच्छ"),
    "Patan": ("पाटन", "پٹن", "பாடன்", "পাটন", "पाटण"),
    "Gir Somnath": ("गिर सोमनाथ", "گر سومناتھ", "கிர் சோம்நாத்", "গির সোমনাথ", "गीर सोमनाथ"),
    "Nagpur": ("नागपुर", "ناگپور", "நாக்பூர்", "নাগপুর", "नागपूर"),
    "Solapur": ("सोलापुर", "شولاپور", "சோலாப்பூர்", "সোলাপুর", "सोलापूर"),
    "Ramanagara": ("रामनगर", "رام نگر", "ராமநகரா", "রামনগর", "रामनगर"),
    "Alappuzha": ("अलप्पुझा", "الاپوزا", "ஆலப்புழா", "আলাপ্পুঝা", "अलप्पुळा"),
    "Kancheepuram": ("कांचीपुरम", "کانچی پورم", "காஞ்சிபுரம்", "কাঞ্চীপুরম", "कांचीपुरम"),
    "Madurai": ("मदुरै", "مدورائی", "மதுரை", "মাদুরাই", "मदुराई"),
    "Thanjavur": ("तंजावुर", "تنجاور", "தஞ்சாவூர்", "থাঞ্জাভুর", "तंजावर"),
    # Sectors
    "Agriculture": ("कृषि", "زراعت", "வேளாண்மை", "কৃষি", "कृषी"),
    "Manufacturing": ("विनिर्माण", "مینوفیکچرنگ", "உற்பத்தி", "উৎপাদন", "उत्पादन"),
    "Handloom and textiles": ("हथकरघा और वस्त्र", "ہینڈلوم اور ٹیکسٹائل", "கைத்தறி மற்றும் ஜவுளி", "তাঁত ও বস্ত্র", "हातमाग आणि वस्त्रोद्योग"),
    "Handicrafts": ("हस्तशिल्प", "دستکاری", "கைவினைப் பொருட்கள்", "হস্তশিল্প", "हस्तकला"),
    "Food processing": ("खाद्य प्रसंस्करण", "فوڈ پروسیسنگ", "உணவு பதப்படுத்துதல்", "খাদ্য প্রক্রিয়াকরণ", "अन्न प्रक्रिया"),
    "Marine": ("समुद्री उत्पाद", "سمندری مصنوعات", "கடல்சார் பொருட்கள்", "সামুদ্রিক পণ্য", "सागरी उत्पादने"),
    "Services": ("सेवाएँ", "خدمات", "சேவைகள்", "পরিষেবা", "सेवा"),
    # Products
    "Banarasi silk saree": ("बनारसी रेशमी साड़ी", "بنارسی ریشمی ساڑی", "பனாரஸ் பட்டுப் புடவை", "বেনারসি সিল্ক শাড়ি", "बनारसी रेशमी साडी"),
    "Gulabi meenakari": ("गुलाबी मीनाकारी", "گلابی میناکاری", "குலாபி மீனாகாரி", "গোলাপি মীনাকারি", "गुलाबी मीनाकारी"),
    "Moradabad brassware": ("मुरादाबाद पीतल शिल्प", "مرادآباد کے پیتل کے برتن", "மொராதாபாத் பித்தளைப் பொருட்கள்", "মোরাদাবাদের পিতলের সামগ্রী", "मुरादाबादी पितळी वस्तू"),
    "Lucknow chikankari": ("लखनवी चिकनकारी", "لکھنوی چکن کاری", "லக்னோ சிகன்காரி", "লখনউয়ের চিকনকারি", "लखनवी चिकनकारी"),
    "Lucknow zardozi": ("लखनवी ज़रदोज़ी", "لکھنوی زردوزی", "லக்னோ ஜர்தோசி", "লখনউয়ের জরদৌসি", "लखनवी जरदोजी"),
    "Kutch embroidery": ("कच्छी कढ़ाई", "کچھی کڑھائی", "கச்சு எம்பிராய்டரி", "কচ্ছের সূচিকর্ম", "कच्छी भरतकाम"),
    "Patan patola": ("पाटन पटोला", "پٹن پٹولا", "பாடன் படோலா", "পাটন পাটোলা", "पाटण पटोला"),
    "Processed fish and marine products": ("प्रसंस्कृत मछली और समुद्री उत्पाद", "پروسیسڈ مچھلی اور سمندری مصنوعات", "பதப்படுத்தப்பட்ட மீன் மற்றும் கடல் உணவுப் பொருட்கள்", "প্রক্রিয়াজাত মাছ ও সামুদ্রিক পণ্য", "प्रक्रिया केलेले मासे व सागरी उत्पादने"),
    "Malda mango": ("मालदा आम", "مالدہ آم", "மால்டா மாம்பழம்", "মালদার আম", "मालदा आंबा"),
    "Darjeeling tea": ("दार्जिलिंग चाय", "دارجلنگ چائے", "டார்ஜிலிங் தேநீர்", "দার্জিলিং চা", "दार्जिलिंग चहा"),
    "Tea tourism and homestays": ("चाय पर्यटन और होमस्टे", "چائے سیاحت اور ہوم اسٹے", "தேயிலைச் சுற்றுலா மற்றும் வீட்டுத் தங்குமிடங்கள்", "চা পর্যটন ও হোমস্টে", "चहा पर्यटन व होमस्टे"),
    "Bankura terracotta": ("बांकुड़ा टेराकोटा", "بانکوڑا ٹیراکوٹا", "பாங்குரா சுடுமண் சிற்பம்", "বাঁকুড়ার টেরাকোটা", "बांकुरा टेराकोटा"),
    "Kanchipuram silk saree": ("कांचीपुरम रेशमी साड़ी", "کانچی پورم ریشمی ساڑی", "காஞ்சிபுரம் பட்டுப் புடவை", "কাঞ্চীপুরম সিল্ক শাড়ি", "कांचीपुरम रेशमी साडी"),
    "Thanjavur art plate": ("तंजावुर कला प्लेट", "تنجاور آرٹ پلیٹ", "தஞ்சாவூர் கலைத்தட்டு", "থাঞ্জাভুর আর্ট প্লেট", "तंजावर कलात्मक तबक"),
    "Madurai malli": ("मदुरै मल्ली (चमेली)", "مدورائی ملی (چنبیلی)", "மதுரை மல்லி", "মাদুরাইয়ের মল্লি (জুঁই)", "मदुराई मल्ली (मोगरा)"),
    "Amritsar papad warriyan": ("अमृतसरी पापड़ वड़ियां", "امرتسری پاپڑ وڑیاں", "அமிர்தசரஸ் அப்பளம் மற்றும் வடியான்", "অমৃতসরের পাঁপড় ও বড়ি", "अमृतसरी पापड वड्या"),
    "Woollen hosiery and knitwear": ("ऊनी होज़री और बुनाई वस्त्र", "اونی ہوزری اور نٹ ویئر", "கம்பளி உள்ளாடை மற்றும் பின்னலாடை", "পশমের হোসিয়ারি ও নিটওয়্যার", "लोकरी होजियरी व विणलेले कपडे"),
    "Jaipur blue pottery": ("जयपुर ब्लू पॉटरी", "جے پور بلیو پاٹری", "ஜெய்ப்பூர் நீல மட்பாண்டம்", "জয়পুরের নীল মৃৎশিল্প", "जयपूर ब्लू पॉटरी"),
    "Bikaneri bhujia": ("बीकानेरी भुजिया", "بیکانیری بھجیا", "பிகானேரி புஜியா", "বিকানেরি ভুজিয়া", "बिकानेरी भुजिया"),
    "Nagpur orange": ("नागपुरी संतरा", "ناگپوری سنترہ", "நாக்பூர் ஆரஞ்சு", "নাগপুরের কমলালেবু", "नागपुरी संत्री"),
    "Solapur chaddar": ("सोलापुरी चादर", "شولاپوری چادر", "சோலாப்பூர் போர்வை", "সোলাপুরের চাদর", "सोलापुरी चादर"),
    "Kashmir saffron": ("कश्मीरी केसर", "کشمیری زعفران", "காஷ்மீர் குங்குமப்பூ", "কাশ্মীরি জাফরান", "काश्मिरी केशर"),
    "Kashmir papier-mache": ("कश्मीरी पेपर माशे", "کشمیری پیپر ماشی", "காஷ்மீர் காகிதக்கூழ் கைவினை", "কাশ্মীরি পেপিয়ার-মাশে", "काश्मिरी पेपर माशे"),
    "Bhagalpur silk": ("भागलपुरी रेशम", "بھاگلپوری ریشم", "பாகல்பூர் பட்டு", "ভাগলপুরী সিল্ক", "भागलपुरी रेशीम"),
    "Shahi litchi": ("शाही लीची", "شاہی لیچی", "ஷாஹி லிச்சி", "শাহী লিচু", "शाही लिची"),
    "Madhubani painting": ("मधुबनी पेंटिंग", "مدھوبنی پینٹنگ", "மதுபனி ஓவியம்", "মধুবনী চিত্রকলা", "मधुबनी चित्रकला"),
    "Alleppey coir": ("आलप्पुझा कॉयर (नारियल रेशा)", "الاپوزا کوائر (ناریل کا ریشہ)", "ஆலப்புழா தென்னை நார்ப் பொருட்கள்", "আলেপ্পির নারকেল ছোবড়ার পণ্য", "अलप्पुळा काथ्या उत्पादने"),
    "Koraput kala jeera rice": ("कोरापुट काला जीरा चावल", "کوراپٹ کالا جیرا چاول", "கோராபுட் காலா ஜீரா அரிசி", "কোরাপুটের কালাজিরা চাল", "कोरापुट काळा जिरा तांदूळ"),
    "Channapatna toys": ("चन्नपटना खिलौने", "چنّاپٹنا کھلونے", "சென்னப்பட்டணா பொம்மைகள்", "চন্নপটনার খেলনা", "चन्नपट्टणा खेळणी"),
    # Ministries and offices
    "Ministry of Commerce & Industry": ("वाणिज्य एवं उद्योग मंत्रालय", "وزارت تجارت و صنعت", "வர்த்தகம் மற்றும் தொழில் அமைச்சகம்", "বাণিজ্য ও শিল্প মন্ত্রক", "वाणिज्य आणि उद्योग मंत्रालय"),
    "Department for Promotion of Industry and Internal Trade (DPIIT)": (
        "उद्योग संवर्धन और आंतरिक व्यापार विभाग (डीपीआईआईटी)",
        "محکمہ برائے فروغِ صنعت و داخلی تجارت (ڈی پی آئی آئی ٹی)",
        "தொழில் மற்றும் உள்நாட்டு வர்த்தக மேம்பாட்டுத் துறை (DPIIT)",
        "শিল্প ও অভ্যন্তরীণ বাণিজ্য প্রসার দপ্তর (ডিপিআইআইটি)",
        "उद्योग संवर्धन व अंतर्गत व्यापार विभाग (डीपीआयआयटी)",
    ),
    "Ministry of Food Processing Industries": ("खाद्य प्रसंस्करण उद्योग मंत्रालय", "وزارت فوڈ پروسیسنگ صنعت", "உணவு பதப்படுத்தும் தொழில்கள் அமைச்சகம்", "খাদ্য প্রক্রিয়াকরণ শিল্প মন্ত্রক", "अन्न प्रक्रिया उद्योग मंत्रालय"),
    "PIB Delhi": ("पीआईबी दिल्ली", "پی آئی بی دہلی", "பிஐபி தில்லி", "পিআইবি দিল্লি", "पीआयबी दिल्ली"),
    "PIB Mumbai": ("पीआईबी मुंबई", "پی آئی بی ممبئی", "பிஐபி மும்பை", "পিআইবি মুম্বই", "पीआयबी मुंबई"),
    "PIB Chennai": ("पीआईबी चेन्नई", "پی آئی بی چنئی", "பிஐபி சென்னை", "পিআইবি চেন্নাই", "पीआयबी चेन्नई"),
    "PIB Kolkata": ("पीआईबी कोलकाता", "پی آئی بی کولکاتا", "பிஐபி கொல்கத்தா", "পিআইবি কলকাতা", "पीआयबी कोलकाता"),
    "PIB Lucknow": ("पीआईबी लखनऊ", "پی آئی بی لکھنؤ", "பிஐபி லக்னோ", "পিআইবি লখনউ", "पीआयबी लखनौ"),
    "PIB Ahmedabad": ("पीआईबी अहमदाबाद", "پی آئی بی احمد آباد", "பிஐபி அகமதாபாத்", "পিআইবি আহমেদাবাদ", "पीआयबी अहमदाबाद"),
    "PIB Patna": ("पीआईबी पटना", "پی آئی بی پٹنہ", "பிஐபி பாட்னா", "পিআইবি পাটনা", "पीआयबी पाटणा"),
    "PIB Chandigarh": ("पीआईबी चंडीगढ़", "پی آئی بی چنڈی گڑھ", "பிஐபி சண்டிகர்", "পিআইবি চণ্ডীগড়", "पीआयबी चंदीगड"),
    "Delhi": ("दिल्ली", "دہلی", "தில்லி", "দিল্লি", "दिल्ली"),
    "Mumbai": ("मुंबई", "ممبئی", "மும்பை", "মুম্বই", "मुंबई"),
    "Chennai": ("चेन्नई", "چنئی", "சென்னை", "চেন্নাই", "चेन्नई"),
    "Kolkata": ("कोलकाता", "کولکاتا", "கொல்கத்தா", "কলকাতা", "कोलकाता"),
    "Ahmedabad": ("अहमदाबाद", "احمد آباد", "அகமதாபாத்", "আহমেদাবাদ", "अहमदाबाद"),
    "Patna": ("पटना", "پٹنہ", "பாட்னா", "পাটনা", "पाटणा"),
    "Chandigarh": ("चंडीगढ़", "چنڈی گڑھ", "சண்டிகர்", "চণ্ডীগড়", "चंदीगड"),
}

# Phrases the story bodies share: headings, key-figure labels and units,
# list items, the image credit. (hi, ur, ta, bn, mr)
PHRASES: dict[str, tuple[str, str, str, str, str]] = {
    "How the district built its brand": ("ज़िले ने अपना ब्रांड कैसे बनाया", "ضلع نے اپنا برانڈ کیسے بنایا", "மாவட்டம் தனது அடையாளத்தை எவ்வாறு உருவாக்கியது", "জেলা কীভাবে নিজের ব্র্যান্ড গড়ে তুলল", "जिल्ह्याने आपला ब्रँड कसा घडवला"),
    "Results in numbers": ("आँकड़ों में परिणाम", "اعداد و شمار میں نتائج", "எண்களில் முடிவுகள்", "সংখ্যায় ফলাফল", "आकड्यांमध्ये परिणाम"),
    "What ODOP support included": ("ओडीओपी सहायता में क्या शामिल था", "او ڈی او پی امداد میں کیا شامل تھا", "ODOP ஆதரவில் அடங்கியவை", "ওডিওপি সহায়তায় যা ছিল", "ओडीओपी सहाय्यात काय समाविष्ट होते"),
    "Artisans and farmers benefited": ("लाभान्वित कारीगर और किसान", "مستفید ہونے والے کاریگر اور کسان", "பயனடைந்த கைவினைஞர்கள் மற்றும் விவசாயிகள்", "উপকৃত কারিগর ও কৃষক", "लाभार्थी कारागीर व शेतकरी"),
    "Annual turnover": ("वार्षिक कारोबार", "سالانہ کاروبار", "ஆண்டு வருவாய்", "বার্ষিক লেনদেন", "वार्षिक उलाढाल"),
    "Orders through GeM and ONDC": ("जेम और ओएनडीसी के माध्यम से ऑर्डर", "جی ای ایم اور او این ڈی سی کے ذریعے آرڈر", "GeM மற்றும் ONDC வழியாக ஆர்டர்கள்", "জেম ও ওএনডিসি-র মাধ্যমে অর্ডার", "जेम आणि ओएनडीसीद्वारे ऑर्डर"),
    "Exports": ("निर्यात", "برآمدات", "ஏற்றுமதி", "রপ্তানি", "निर्यात"),
    "Women in the workforce": ("कार्यबल में महिलाएँ", "افرادی قوت میں خواتین", "பணியாளர்களில் பெண்கள்", "কর্মীদের মধ্যে নারী", "कार्यबलातील महिला"),
    "Countries reached": ("देशों तक पहुँच", "ممالک تک رسائی", "சென்றடைந்த நாடுகள்", "যত দেশে পৌঁছেছে", "पोहोचलेले देश"),
    "Rise in price": ("कीमत में बढ़ोतरी", "قیمت میں اضافہ", "விலை உயர்வு", "দামবৃদ্ধি", "किमतीतील वाढ"),
    "Produce sold": ("बेची गई उपज", "فروخت شدہ پیداوار", "விற்கப்பட்ட விளைபொருள்", "বিক্রি হওয়া ফসল", "विकलेले उत्पादन"),
    "lakh": ("लाख", "لاکھ", "லட்சம்", "লক্ষ", "लाख"),
    "crore": ("करोड़", "کروڑ", "கோடி", "কোটি", "कोटी"),
    "₹ crore": ("₹ करोड़", "₹ کروڑ", "₹ கோடி", "কোটি টাকা", "₹ कोटी"),
    "₹ lakh": ("₹ लाख", "₹ لاکھ", "₹ லட்சம்", "লক্ষ টাকা", "₹ लाख"),
    "tonnes": ("टन", "ٹن", "டன்", "টন", "टन"),
    "Design and skill training for artisans": ("कारीगरों के लिए डिज़ाइन और कौशल प्रशिक्षण", "کاریگروں کے لیے ڈیزائن اور ہنر کی تربیت", "கைவினைஞர்களுக்கு வடிவமைப்பு மற்றும் திறன் பயிற்சி", "কারিগরদের জন্য নকশা ও দক্ষতা প্রশিক্ষণ", "कारागिरांसाठी डिझाइन व कौशल्य प्रशिक्षण"),
    "Seller onboarding on GeM and ONDC": ("जेम और ओएनडीसी पर विक्रेताओं का पंजीकरण", "جی ای ایم اور او این ڈی سی پر فروخت کنندگان کی شمولیت", "GeM மற்றும் ONDC தளங்களில் விற்பனையாளர் பதிவு", "জেম ও ওএনডিসি-তে বিক্রেতা নথিভুক্তি", "जेम व ओएनडीसीवर विक्रेत्यांची नोंदणी"),
    "Common facility centre and testing lab": ("साझा सुविधा केंद्र और परीक्षण प्रयोगशाला", "مشترکہ سہولت مرکز اور ٹیسٹنگ لیب", "பொது வசதி மையம் மற்றும் பரிசோதனை ஆய்வகம்", "সাধারণ সুবিধা কেন্দ্র ও পরীক্ষাগার", "सामायिक सुविधा केंद्र व चाचणी प्रयोगशाळा"),
    "Packaging, branding and GI-tag promotion": ("पैकेजिंग, ब्रांडिंग और जीआई टैग का प्रचार", "پیکیجنگ، برانڈنگ اور جی آئی ٹیگ کی تشہیر", "பொதியிடல், வணிக முத்திரை மற்றும் புவிசார் குறியீடு மேம்பாடு", "প্যাকেজিং, ব্র্যান্ডিং ও জিআই ট্যাগের প্রচার", "पॅकेजिंग, ब्रँडिंग व जीआय टॅगचा प्रचार"),
    "Buyer-seller meets and export fairs": ("क्रेता-विक्रेता सम्मेलन और निर्यात मेले", "خریدار و فروخت کنندہ ملاقاتیں اور برآمدی میلے", "வாங்குவோர்-விற்போர் சந்திப்புகள் மற்றும் ஏற்றுமதிக் கண்காட்சிகள்", "ক্রেতা-বিক্রেতা সম্মেলন ও রপ্তানি মেলা", "खरेदीदार-विक्रेता संमेलने व निर्यात मेळे"),
    "Cold-chain and post-harvest support": ("शीत-श्रृंखला और फ़सल-उपरांत सहायता", "کولڈ چین اور فصل کے بعد کی امداد", "குளிர்பதனச் சங்கிலி மற்றும் அறுவடைக்குப் பிந்தைய உதவி", "কোল্ড-চেন ও ফসল-পরবর্তী সহায়তা", "शीतसाखळी व काढणीपश्चात सहाय्य"),
    "Illustration: ODOP demo (generated)": ("चित्रण: ओडीओपी डेमो (कंप्यूटर-जनित)", "تصویر: او ڈی او پی ڈیمو (کمپیوٹر سے تیار شدہ)", "விளக்கப்படம்: ODOP மாதிரி (கணினி உருவாக்கியது)", "অলংকরণ: ওডিওপি ডেমো (কম্পিউটারে তৈরি)", "चित्र: ओडीओपी डेमो (संगणकनिर्मित)"),
    "Success stories of the One District One Product (ODOP) programme, from the Press Information Bureau and DPIIT.": (
        "प्रेस सूचना ब्यूरो और डीपीआईआईटी की ओर से एक जिला एक उत्पाद (ओडीओपी) कार्यक्रम की सफलता की कहानियाँ।",
        "پریس انفارمیشن بیورو اور ڈی پی آئی آئی ٹی کی جانب سے ایک ضلع ایک پیداوار (او ڈی او پی) پروگرام کی کامیابی کی کہانیاں۔",
        "பத்திரிகை தகவல் அலுவலகம் மற்றும் DPIIT வழங்கும் ஒரு மாவட்டம் ஒரு பொருள் (ODOP) திட்டத்தின் வெற்றிக் கதைகள்.",
        "প্রেস ইনফরমেশন ব্যুরো ও ডিপিআইআইটি-র পক্ষ থেকে এক জেলা এক পণ্য (ওডিওপি) কর্মসূচির সাফল্যের গল্প।",
        "पत्र सूचना कार्यालय आणि डीपीआयआयटी यांच्याकडून एक जिल्हा एक उत्पादन (ओडीओपी) कार्यक्रमाच्या यशोगाथा.",
    ),
}

# Sentences built from translated names, for stories whose headline and
# summary were not translated one by one. (hi, ur, ta, bn, mr)
TEMPLATES: dict[str, tuple[str, str, str, str, str]] = {
    "headline": (
        "{product}, {district}: एक जिला एक उत्पाद से नए बाज़ारों तक",
        "{product}، {district}: ایک ضلع ایک پیداوار سے نئی منڈیوں تک",
        "{product}, {district}: ஒரு மாவட்டம் ஒரு பொருள் திட்டத்தால் புதிய சந்தைகள்",
        "{product}, {district}: এক জেলা এক পণ্য উদ্যোগে নতুন বাজারে",
        "{product}, {district}: एक जिल्हा एक उत्पादन उपक्रमातून नव्या बाजारपेठांपर्यंत",
    ),
    "summary": (
        "एक जिला एक उत्पाद (ओडीओपी) पहल के तहत प्रशिक्षण, ब्रांडिंग और ऑनलाइन बिक्री की बदौलत {state} के {district} जिले में {product} के लिए नए खरीदार मिले।",
        "ایک ضلع ایک پیداوار (او ڈی او پی) پہل کے تحت تربیت، برانڈنگ اور آن لائن فروخت کی بدولت {state} کے ضلع {district} میں {product} کے لیے نئے خریدار ملے۔",
        "ஒரு மாவட்டம் ஒரு பொருள் (ODOP) முன்முயற்சியின் கீழ் பயிற்சி, வணிக முத்திரை, இணைய விற்பனை ஆகியவற்றின் மூலம் {state} மாநிலம் {district} மாவட்டத்தின் {product} புதிய வாங்குபவர்களைப் பெற்றுள்ளது.",
        "এক জেলা এক পণ্য (ওডিওপি) উদ্যোগের আওতায় প্রশিক্ষণ, ব্র্যান্ডিং ও অনলাইন বিক্রির সুবাদে {state}-এর {district} জেলার {product} নতুন ক্রেতা পেয়েছে।",
        "एक जिल्हा एक उत्पादन (ओडीओपी) उपक्रमांतर्गत प्रशिक्षण, ब्रँडिंग आणि ऑनलाइन विक्रीमुळे {state}मधील {district} जिल्ह्यातील {product} यांना नवे खरेदीदार मिळाले.",
    ),
    "subheadline": (
        "{district} के कारीगरों और किसानों की आमदनी बढ़ी; जेम और ओएनडीसी पर बिक्री शुरू",
        "{district} کے کاریگروں اور کسانوں کی آمدنی میں اضافہ؛ جی ای ایم اور او این ڈی سی پر فروخت شروع",
        "{district} கைவினைஞர்கள், விவசாயிகளின் வருமானம் உயர்வு; GeM, ONDC தளங்களில் விற்பனை தொடக்கம்",
        "{district}-এর কারিগর ও কৃষকদের আয় বেড়েছে; জেম ও ওএনডিসি-তে বিক্রি শুরু",
        "{district}मधील कारागीर व शेतकऱ्यांचे उत्पन्न वाढले; जेम आणि ओएनडीसीवर विक्री सुरू",
    ),
    "caption": (
        "{product}, {district} ({state})",
        "{product}، {district} ({state})",
        "{product}, {district} ({state})",
        "{product}, {district} ({state})",
        "{product}, {district} ({state})",
    ),
    # Body paragraphs and quotes not yet translated: an honest, labelled note
    # in the reader's script instead of English text.
    "pending": (
        "[अनुवाद समीक्षाधीन] इस अनुच्छेद का हिंदी अनुवाद अभी संपादकीय समीक्षा में है; पूरा पाठ अंग्रेज़ी मूल में उपलब्ध है।",
        "[ترجمہ زیرِ نظرثانی] اس پیراگراف کا اردو ترجمہ ابھی ادارتی نظرثانی میں ہے؛ مکمل متن انگریزی اصل میں دستیاب ہے۔",
        "[மொழிபெயர்ப்பு சரிபார்ப்பில்] இந்தப் பத்தியின் தமிழ் மொழிபெயர்ப்பு தற்போது ஆசிரியர் குழுவின் சரிபார்ப்பில் உள்ளது; முழு உரை ஆங்கில மூலத்தில் உள்ளது.",
        "[অনুবাদ পর্যালোচনাধীন] এই অনুচ্ছেদের বাংলা অনুবাদ এখনও সম্পাদকীয় পর্যালোচনায় রয়েছে; পূর্ণ পাঠ ইংরেজি মূলে পাওয়া যাবে।",
        "[अनुवाद पुनरावलोकनाधीन] या परिच्छेदाचा मराठी अनुवाद अद्याप संपादकीय पुनरावलोकनात आहे; संपूर्ण मजकूर इंग्रजी मूळ लेखात उपलब्ध आहे.",
    ),
    "workshop_title": (
        "ओडीओपी संपर्क, {city}",
        "او ڈی او پی سمپرک، {city}",
        "ODOP சம்பர்க், {city}",
        "ওডিওপি সম্পর্ক, {city}",
        "ओडीओपी संपर्क, {city}",
    ),
    "workshop_summary": (
        "{state} के ज़िलों के कारीगरों, किसानों और निर्यातकों के लिए ओडीओपी संपर्क कार्यशाला।",
        "{state} کے اضلاع کے کاریگروں، کسانوں اور برآمد کنندگان کے لیے او ڈی او پی سمپرک ورکشاپ۔",
        "{state} மாவட்டங்களின் கைவினைஞர்கள், விவசாயிகள், ஏற்றுமதியாளர்களுக்கான ODOP சம்பர்க் பயிலரங்கு.",
        "{state}-এর জেলাগুলির কারিগর, কৃষক ও রপ্তানিকারকদের জন্য ওডিওপি সম্পর্ক কর্মশালা।",
        "{state}मधील जिल्ह्यांतील कारागीर, शेतकरी व निर्यातदारांसाठी ओडीओपी संपर्क कार्यशाळा.",
    ),
}

# The site's three translated roots, in every enabled language. Languages
# missing here (brx, ks, mni, sat) keep the English title: see NOTES.md.
SITE_TITLES: dict[str, dict[str, str]] = {
    "home": {
        "hi": "ओडीओपी सफलता की कहानियाँ", "as": "অ'ডিঅ'পিৰ সফলতাৰ কাহিনী", "bn": "ওডিওপি সাফল্যের গল্প",
        "doi": "ओडीओपी कामयाबी दियां कहानियां", "gu": "ઓડીઓપી સફળતાની વાર્તાઓ", "kn": "ಒಡಿಒಪಿ ಯಶೋಗಾಥೆಗಳು",
        "kok": "ओडीओपी येशाच्यो कथा", "mai": "ओडीओपी सफलताक खिस्सा", "ml": "ഒഡിഒപി വിജയഗാഥകൾ",
        "mr": "ओडीओपी यशोगाथा", "ne": "ओडीओपी सफलताका कथाहरू", "or": "ଓଡିଓପି ସଫଳତାର କାହାଣୀ",
        "pa": "ਓਡੀਓਪੀ ਸਫਲਤਾ ਦੀਆਂ ਕਹਾਣੀਆਂ", "sa": "ओडीओपी सफलताकथाः", "sd": "او ڊي او پي ڪاميابيءَ جون ڪهاڻيون",
        "ta": "ODOP வெற்றிக் கதைகள்", "te": "ఓడీఓపీ విజయగాథలు", "ur": "او ڈی او پی کی کامیابی کی کہانیاں",
    },
    "stories": {
        "hi": "सफलता की कहानियाँ", "as": "সফলতাৰ কাহিনী", "bn": "সাফল্যের গল্প", "doi": "कामयाबी दियां कहानियां",
        "gu": "સફળતાની વાર્તાઓ", "kn": "ಯಶೋಗಾಥೆಗಳು", "kok": "येशाच्यो कथा", "mai": "सफलताक खिस्सा",
        "ml": "വിജയഗാഥകൾ", "mr": "यशोगाथा", "ne": "सफलताका कथाहरू", "or": "ସଫଳତାର କାହାଣୀ",
        "pa": "ਸਫਲਤਾ ਦੀਆਂ ਕਹਾਣੀਆਂ", "sa": "सफलताकथाः", "sd": "ڪاميابيءَ جون ڪهاڻيون", "ta": "வெற்றிக் கதைகள்",
        "te": "విజయగాథలు", "ur": "کامیابی کی کہانیاں",
    },
    "workshops": {
        "hi": "ओडीओपी संपर्क कार्यशालाएँ", "as": "অ'ডিঅ'পি সম্পৰ্ক কৰ্মশালা", "bn": "ওডিওপি সম্পর্ক কর্মশালা",
        "doi": "ओडीओपी संपर्क वर्कशापां", "gu": "ઓડીઓપી સંપર્ક કાર્યશાળાઓ", "kn": "ಒಡಿಒಪಿ ಸಂಪರ್ಕ ಕಾರ್ಯಾಗಾರಗಳು",
        "kok": "ओडीओपी संपर्क कार्यशाळा", "mai": "ओडीओपी संपर्क कार्यशाला", "ml": "ഒഡിഒപി സമ്പർക്ക് ശില്പശാലകൾ",
        "mr": "ओडीओपी संपर्क कार्यशाळा", "ne": "ओडीओपी सम्पर्क कार्यशालाहरू", "or": "ଓଡିଓପି ସମ୍ପର୍କ କର୍ମଶାଳା",
        "pa": "ਓਡੀਓਪੀ ਸੰਪਰਕ ਵਰਕਸ਼ਾਪਾਂ", "sa": "ओडीओपी सम्पर्क-कार्यशालाः", "sd": "او ڊي او پي سمپرڪ ورڪشاپون",
        "ta": "ODOP சம்பர்க் பயிலரங்குகள்", "te": "ఓడీఓపీ సంపర్క్ కార్యశాలలు", "ur": "او ڈی او پی سمپرک ورکشاپس",
    },
}

GEM = "https://gem.gov.in/"
ONDC = "https://example.org/ondc/"
STORE = "https://example.org/stores/"

STANDARD_SUPPORT = [
    "Design and skill training for artisans",
    "Seller onboarding on GeM and ONDC",
    "Packaging, branding and GI-tag promotion",
]
FARM_SUPPORT = [
    "Cold-chain and post-harvest support",
    "Seller onboarding on GeM and ONDC",
    "Buyer-seller meets and export fairs",
]
CRAFT_SUPPORT = [
    "Common facility centre and testing lab",
    "Design and skill training for artisans",
    "Buyer-seller meets and export fairs",
]


def _story(
    key,
    product,
    office,
    posted,
    headline,
    subheadline,
    summary,
    paragraphs,
    quote,
    speaker,
    figures,
    sellers,
    tags,
    support=None,
    ministry="Ministry of Commerce & Industry",
    palette=0,
):
    return {
        "key": key,
        "product": product,
        "office": office,
        "posted": dt.datetime(*posted, tzinfo=IST),
        "headline": headline,
        "subheadlines": [subheadline],
        "summary": summary,
        "paragraphs": paragraphs,
        "quote": quote,
        "speaker": speaker,
        "figures": figures,
        "sellers": sellers,
        "tags": tags,
        "support": support or STANDARD_SUPPORT,
        "ministry": ministry,
        "palette": palette,
    }


def _sellers(slug, first, first_kind, second, second_kind):
    return [
        (first, first_kind, [("gem", f"{GEM}{slug}"), ("ondc", f"{ONDC}{slug}")]),
        (second, second_kind, [("own", f"{STORE}{slug}"), ("ondc", f"{ONDC}{slug}-2")]),
    ]


STORIES = [
    _story(
        "varanasi-banarasi-silk", "Banarasi silk saree", "PIB Lucknow", (2024, 1, 31, 13, 42),
        "Banarasi silk weavers of Varanasi reach buyers across India through GeM and ONDC",
        "Handloom clusters in Lohta and Sarai Mohana list over 3,000 sarees online",
        "Over 1,200 handloom weavers in Varanasi have sold Banarasi silk sarees worth ₹18.4 crore online since joining ODOP training and seller onboarding camps.",
        [
            "For generations the weavers of Lohta and Sarai Mohana sold their sarees through a chain of middlemen in the old city. Under the One District One Product programme, the district industries centre set up seller onboarding camps where weavers photographed their work, wrote product descriptions and registered on the Government e-Marketplace and ONDC.",
            "The GI tag for Banarasi brocades and sarees now appears on every listing, and a QR code on each saree tells buyers which cluster wove it. Weavers say the direct orders have shortened payment cycles from months to days.",
        ],
        "My daughter photographs the sarees and answers orders on her phone. We get paid within a week now.",
        "Abdul Rahman, master weaver, Lohta",
        [("1200", "", "Artisans and farmers benefited"), ("18.4", "₹ crore", "Annual turnover"), ("42", "%", "Women in the workforce")],
        _sellers("banarasi-silk", "Lohta Handloom Weavers SHG", "shg", "Kashi Brocade House", "enterprise"),
        ["silk", "handloom", "GI tag", "GeM"], palette=0,
    ),
    _story(
        "moradabad-brassware", "Moradabad brassware", "PIB Lucknow", (2024, 2, 6, 11, 15),
        "Moradabad's brass artisans turn to lacquer-free finishes to win European orders",
        "A common facility centre tests finishes to export standards",
        "Brassware makers of Moradabad, the 'Peetal Nagri', shipped ₹64 crore of hand-finished brass to buyers in Europe and the Gulf after a new testing lab cut rejections.",
        [
            "Moradabad has made brass lamps, vases and tableware for over four centuries. Export buyers, however, had begun rejecting consignments over lacquer and lead content. A common facility centre set up under ODOP now tests every batch before it leaves the city.",
            "Small units that could never afford their own laboratory send samples to the centre and get a certificate within two days. Designers from the National Institute of Design have also worked with artisans on lighter, modern forms.",
        ],
        "Rejections used to eat our whole margin. Now the buyer sees the test report before the container is sealed.",
        "Shabana Parveen, brassware exporter",
        [("64", "₹ crore", "Exports"), ("3500", "", "Artisans and farmers benefited"), ("1850", "", "Orders through GeM and ONDC")],
        _sellers("moradabad-brass", "Peetal Nagri Artisans Cooperative", "artisan", "Ram Ganga Metal Crafts", "enterprise"),
        ["brass", "exports", "handicrafts", "GI tag"], support=CRAFT_SUPPORT, palette=1,
    ),
    _story(
        "lucknow-chikankari", "Lucknow chikankari", "PIB Lucknow", (2024, 2, 14, 16, 5),
        "Chikankari embroiderers of Lucknow earn more as women's collectives sell direct",
        "Over 8,000 women artisans now work through producer groups",
        "Women chikankari artisans in Lucknow's old city have raised their piece rates by a third by selling kurtas and dupattas directly through collectives registered on ONDC.",
        [
            "Chikankari, the white-on-white shadow embroidery of Lucknow, is done almost entirely by women working from home. Most were paid a few rupees per motif by contractors who kept the finished garments' value.",
            "ODOP training helped the artisans form producer groups that buy fabric in bulk, set their own prices and sell to buyers in India and abroad. Each piece carries the GI logo and the name of the group that stitched it.",
        ],
        "We used to see our kurtas in big shops at ten times what we were paid. Now the price is ours to set.",
        "Naseem Bano, chikankari artisan, Chowk",
        [("8000", "", "Artisans and farmers benefited"), ("96", "%", "Women in the workforce"), ("7.5", "₹ crore", "Annual turnover")],
        _sellers("chikankari", "Chowk Chikan Mahila Samiti", "shg", "Awadh Shadow Work", "enterprise"),
        ["embroidery", "women", "handloom", "ONDC"], palette=2,
    ),
    _story(
        "kutch-embroidery", "Kutch embroidery", "PIB Ahmedabad", (2024, 3, 4, 12, 30),
        "Kutch embroidery finds global buyers as artisans go digital after the Rann Utsav",
        "Mirror-work and rabari stitches reach online shoppers in 30 countries",
        "Embroidery artisans of Kachchh sold work worth ₹11.2 crore last year, a third of it online, after ODOP design clinics and marketplace training.",
        [
            "The embroidery traditions of Kutch, from rabari and ahir stitches to mirror-work, are practised in hundreds of villages across the district. Tourist season at the Rann Utsav used to bring most of the year's income in a few weeks.",
            "Design clinics under ODOP taught artisans to photograph their work, price it and ship it. Cooperatives in Bhujodi and Hodka now sell all year through GeM, ONDC and their own web stores.",
        ],
        "The Rann Utsav lasts three months. The internet is open all year.",
        "Meghiben Rabari, embroidery artisan, Bhujodi",
        [("11.2", "₹ crore", "Annual turnover"), ("30", "", "Countries reached"), ("88", "%", "Women in the workforce")],
        _sellers("kutch-embroidery", "Bhujodi Embroidery Collective", "shg", "Rann Craft Studio", "enterprise"),
        ["embroidery", "GI tag", "women", "handicrafts"], palette=3,
    ),
    _story(
        "patan-patola", "Patan patola", "PIB Ahmedabad", (2024, 3, 12, 10, 0),
        "Patan's double-ikat patola weavers train a new generation",
        "A waiting list of buyers for a saree that takes six months to weave",
        "ODOP support for apprenticeships has brought 40 young weavers into Patan's double-ikat patola craft, which had shrunk to a handful of families.",
        [
            "A Patan patola saree is dyed thread by thread before weaving, so that the pattern appears identically on both sides. One saree can take two weavers six months.",
            "With stipends for apprentices and a GI-tag campaign, the district has added 40 trained weavers in three years. Orders placed through GeM by state emporia give the families a steady base income.",
        ],
        "Patola is not a product, it is our family's memory. Now the young ones want to learn it.",
        "Rahul Salvi, patola weaver",
        [("40", "", "Artisans and farmers benefited"), ("2.1", "₹ crore", "Annual turnover"), ("120", "", "Orders through GeM and ONDC")],
        _sellers("patan-patola", "Salvi Patola Weavers", "artisan", "Patan Heritage Looms", "enterprise"),
        ["ikat", "handloom", "GI tag"], palette=4,
    ),
    _story(
        "gir-somnath-marine", "Processed fish and marine products", "PIB Ahmedabad", (2024, 3, 20, 15, 10),
        "Veraval's fish processors add value with certified cold storage",
        "Marine exports from Gir Somnath cross ₹900 crore",
        "Fish processing units in Veraval, Gir Somnath, raised marine exports to over ₹900 crore after ODOP-backed cold storage and hygiene certification for small processors.",
        [
            "Veraval is one of India's largest fishing harbours. Small processors, however, could not meet the hygiene audits that export buyers demand, and sold their catch to large exporters at low prices.",
            "Shared cold storage and a training programme on food safety standards helped 60 small units win their own export certification. Fisherwomen's groups now sell dried and ready-to-cook products on ONDC.",
        ],
        "We dried fish the same way our grandmothers did. Now the packet has a label, a barcode and a price we decide.",
        "Jasuben Solanki, secretary, Veraval fisherwomen's cooperative",
        [("900", "₹ crore", "Exports"), ("60", "", "Artisans and farmers benefited"), ("35", "%", "Women in the workforce")],
        _sellers("veraval-marine", "Veraval Fisherwomen Cooperative", "shg", "Somnath Sea Foods", "enterprise"),
        ["marine", "exports", "food processing"], support=FARM_SUPPORT, ministry="Ministry of Food Processing Industries", palette=5,
    ),
    _story(
        "malda-mango", "Malda mango", "PIB Kolkata", (2024, 6, 18, 14, 20),
        "Malda mango growers ship to new markets with cold-chain support",
        "Fazli and Laxmanbhog mangoes reach Dubai and London",
        "Farmer producer organisations in Malda sent 2,400 tonnes of Fazli and Laxmanbhog mangoes to buyers in other states and abroad this season, earning ₹14.2 crore.",
        [
            "Malda's orchards produce some of India's best-known mangoes, but the fruit ripens fast and growers used to sell in a glut at the end of each season. Pack houses and refrigerated vans set up under ODOP now let farmer producer organisations hold and grade their harvest.",
            "The GI-tagged Fazli, Laxmanbhog and Khirsapati varieties are sold under a shared district brand. Buyers in Dubai and London placed repeat orders after the first trial shipments.",
        ],
        "Earlier the trader decided the price on the last day of the season. This year we decided.",
        "Mohammad Israil, chairman, Malda Mango FPO",
        [("2400", "tonnes", "Exports"), ("14.2", "₹ crore", "Annual turnover"), ("5200", "", "Artisans and farmers benefited")],
        _sellers("malda-mango", "Malda Mango Farmer Producer Company", "fpo", "Gour Banga Orchards", "farmer"),
        ["mango", "agriculture", "GI tag", "exports"], support=FARM_SUPPORT, palette=6,
    ),
    _story(
        "darjeeling-tea", "Darjeeling tea", "PIB Kolkata", (2024, 5, 8, 11, 0),
        "Small tea growers of Darjeeling sell first-flush tea under their own label",
        "Self-help groups in the hills process leaf in community factories",
        "Small growers' self-help groups in Darjeeling sold ₹5.6 crore of GI-tagged first-flush tea under their own labels through ONDC and direct exports.",
        [
            "Most of Darjeeling's famous tea comes from large estates, but thousands of small growers in the hills sold green leaf to bought-leaf factories at low prices. Two community processing units set up with ODOP support now let them make finished tea themselves.",
            "Each pack carries the Darjeeling GI logo and the name of the growers' group. Tea tourism homestays in the same villages sell the tea to visitors.",
        ],
        "Our leaf was always Darjeeling tea. Now the name on the packet is also ours.",
        "Pemba Sherpa, small tea grower, Mirik",
        [("5.6", "₹ crore", "Annual turnover"), ("1100", "", "Artisans and farmers benefited"), ("48", "%", "Women in the workforce")],
        _sellers("darjeeling-tea", "Mirik Small Tea Growers SHG", "shg", "Kanchenjunga Leaf Co.", "enterprise"),
        ["tea", "agriculture", "GI tag", "ONDC"], support=FARM_SUPPORT, palette=7,
    ),
    _story(
        "bankura-terracotta", "Bankura terracotta", "PIB Kolkata", (2024, 4, 2, 12, 45),
        "Bankura's terracotta horse gallops into home-decor stores",
        "Panchmura potters add lighter, export-ready designs",
        "Terracotta artisans of Panchmura in Bankura tripled their sales to ₹2.8 crore by adding new home-decor designs and selling through GeM and ONDC.",
        [
            "The long-necked Bankura horse is one of India's best-known folk forms. The potters of Panchmura had kept the craft alive, but demand was limited to fairs and temples.",
            "ODOP design workshops helped them make lighter pieces that survive shipping, and a kiln at the common facility centre fires them evenly. Government offices now buy the horses as gifts through GeM.",
        ],
        "A broken horse in a parcel is a loss for everyone. The new kiln and packing changed that.",
        "Baul Das Kumbhakar, potter, Panchmura",
        [("2.8", "₹ crore", "Annual turnover"), ("340", "", "Artisans and farmers benefited"), ("960", "", "Orders through GeM and ONDC")],
        _sellers("bankura-terracotta", "Panchmura Terracotta Artisans", "artisan", "Bishnupur Clay Works", "enterprise"),
        ["terracotta", "handicrafts", "GI tag"], support=CRAFT_SUPPORT, palette=8,
    ),
    _story(
        "kanchipuram-silk", "Kanchipuram silk saree", "PIB Chennai", (2024, 1, 19, 17, 30),
        "Kanchipuram silk cooperative doubles online sales with GI-tag authentication",
        "Pure zari certificates reassure first-time online buyers",
        "A weavers' cooperative in Kanchipuram sold pure zari silk sarees worth ₹9.6 crore in 2023-24, after ODOP support for GI-tag labels, photography and marketplace listings.",
        [
            "Kanchipuram silk is known for heavy mulberry silk and zari woven in contrasting borders. Buyers online, however, feared imitations made on power looms with plated zari.",
            "With ODOP support the cooperative now attaches a GI-tag label and a zari test certificate to every saree, and professional photographs show the korvai joining of border and body. Online sales doubled within a year.",
        ],
        "A customer in Delhi can now check the zari certificate before she pays. That trust is worth more than any advertisement.",
        "K. Lakshmi, weaver and cooperative director",
        [("9.6", "₹ crore", "Annual turnover"), ("2300", "", "Artisans and farmers benefited"), ("4100", "", "Orders through GeM and ONDC")],
        _sellers("kanchipuram-silk", "Kanchipuram Silk Weavers Cooperative Society", "enterprise", "Arignar Anna Silk Weavers", "artisan"),
        ["silk", "handloom", "GI tag", "cooperative"], palette=9,
    ),
    _story(
        "thanjavur-art-plate", "Thanjavur art plate", "PIB Chennai", (2024, 2, 22, 13, 0),
        "Thanjavur art plates become the state's favourite official gift",
        "Metal craftsmen receive steady orders from government buyers",
        "Makers of the GI-tagged Thanjavur art plate received ₹1.9 crore of orders from government departments through GeM in a year, keeping 150 families in the craft.",
        [
            "The Thanjavur art plate combines copper, brass and silver in relief on a single plate, a craft dating to the Maratha rulers of Thanjavur. Demand had fallen as buyers turned to cheaper souvenirs.",
            "Listing the plates on GeM made them easy for government departments to buy as official gifts. Artisans have also added smaller plates and key chains for tourists.",
        ],
        "Every plate is hammered by hand. GeM orders mean we can plan work for the whole year.",
        "S. Murugesan, art plate craftsman",
        [("1.9", "₹ crore", "Annual turnover"), ("150", "", "Artisans and farmers benefited"), ("2600", "", "Orders through GeM and ONDC")],
        _sellers("thanjavur-art-plate", "Thanjavur Art Plate Artisans Society", "artisan", "Big Temple Crafts", "enterprise"),
        ["metal craft", "handicrafts", "GI tag", "GeM"], support=CRAFT_SUPPORT, palette=10,
    ),
    _story(
        "madurai-malli", "Madurai malli", "PIB Chennai", (2024, 4, 15, 10, 30),
        "Madurai malli jasmine flies to Singapore and Dubai fresh each morning",
        "A perfume-extraction unit buys the surplus at a fair price",
        "Jasmine growers around Madurai now sell the GI-tagged Madurai malli by air freight and to a perfume-extraction unit, cutting distress sales in the peak season.",
        [
            "Madurai malli, a jasmine with thick petals and a long shelf life, is grown by thousands of small farmers around the temple city. In peak season prices used to crash overnight.",
            "Farmer producer organisations supported under ODOP now ship fresh flowers by air each morning and sell the surplus to a concrete and absolute extraction unit at an agreed minimum price.",
        ],
        "When the price fell to ten rupees a kilo we threw flowers away. Now the factory takes them.",
        "P. Selvam, jasmine grower, Thirumangalam",
        [("4800", "", "Artisans and farmers benefited"), ("6.3", "₹ crore", "Exports"), ("1200", "tonnes", "Produce sold")],
        _sellers("madurai-malli", "Madurai Malli Farmer Producer Company", "fpo", "Meenakshi Flower Exports", "enterprise"),
        ["jasmine", "agriculture", "GI tag", "exports"], support=FARM_SUPPORT, palette=11,
    ),
    _story(
        "amritsar-papad-warriyan", "Amritsar papad warriyan", "PIB Chandigarh", (2024, 3, 27, 12, 0),
        "Amritsari papad and warriyan makers modernise without losing the hand-rolled taste",
        "A food-testing lab and FSSAI support open supermarket shelves",
        "Home-based papad and warriyan makers in Amritsar raised sales to ₹22 crore after ODOP help with food-safety licences, shared drying units and packaging.",
        [
            "The spiced lentil papads and warriyan of Amritsar are made in small home kitchens around the Golden Temple. Supermarket chains wanted labelled, licensed products that most makers could not provide.",
            "ODOP camps helped 300 units obtain food-safety registration, and solar dryers at a shared facility keep batches clean in the monsoon. A common brand now sells on ONDC and in retail chains.",
        ],
        "The recipe is my mother's. The licence and the label came from the ODOP camp.",
        "Harpreet Kaur, papad maker, Amritsar",
        [("22", "₹ crore", "Annual turnover"), ("300", "", "Artisans and farmers benefited"), ("70", "%", "Women in the workforce")],
        _sellers("amritsar-papad", "Guru Nagri Papad Warriyan Cluster", "shg", "Amritsari Rasoi Foods", "enterprise"),
        ["food processing", "women", "ONDC"], ministry="Ministry of Food Processing Industries", palette=0,
    ),
    _story(
        "ludhiana-knitwear", "Woollen hosiery and knitwear", "PIB Chandigarh", (2024, 1, 10, 11, 45),
        "Ludhiana's knitwear units win export orders with recycled-wool yarns",
        "Small units share a design studio and a testing lab",
        "Small knitwear units in Ludhiana booked ₹120 crore of export orders for recycled-wool sweaters after a shared design studio helped them meet sustainability standards.",
        [
            "Ludhiana makes most of India's woollen knitwear. European buyers increasingly ask for recycled yarns and traceable supply chains, which small units found hard to document.",
            "A design studio and testing laboratory set up under ODOP certify recycled content and help units develop collections. Domestic sales through ONDC have also grown.",
        ],
        "A buyer in Germany asked for a recycled-content certificate. We could give it the same week.",
        "Gurmeet Singh, knitwear manufacturer",
        [("120", "₹ crore", "Exports"), ("450", "", "Artisans and farmers benefited"), ("38", "%", "Women in the workforce")],
        _sellers("ludhiana-knitwear", "Ludhiana Knitters Cluster", "enterprise", "Satluj Woollens", "enterprise"),
        ["knitwear", "exports", "textiles"], support=CRAFT_SUPPORT, palette=1,
    ),
    _story(
        "jaipur-blue-pottery", "Jaipur blue pottery", "PIB Delhi", (2024, 2, 2, 15, 30),
        "Jaipur's blue pottery artisans find buyers for tiles and tableware online",
        "Quartz-based craft moves from souvenirs to interiors",
        "Blue pottery artisans in Jaipur doubled their income by making tiles and tableware for architects and hotels, sold through GeM, ONDC and their own web stores.",
        [
            "Jaipur blue pottery is made not from clay but from quartz powder, glass and fuller's earth, painted in cobalt blue. Most artisans sold small souvenirs in the old city's bazaars.",
            "Design workshops under ODOP introduced tiles, wash basins and tableware for interiors. Orders from hotels and architects now keep kilns busy through the summer lean season.",
        ],
        "An architect in Bengaluru ordered two thousand tiles. That is more than I used to sell in a year.",
        "Gopal Saini, blue pottery artisan",
        [("2", "₹ crore", "Annual turnover"), ("260", "", "Artisans and farmers benefited"), ("1400", "", "Orders through GeM and ONDC")],
        _sellers("jaipur-blue-pottery", "Jaipur Blue Pottery Artisans Society", "artisan", "Pink City Ceramics", "enterprise"),
        ["pottery", "handicrafts", "GI tag"], support=CRAFT_SUPPORT, palette=2,
    ),
    _story(
        "bikaneri-bhujia", "Bikaneri bhujia", "PIB Delhi", (2024, 3, 8, 12, 15),
        "Bikaneri bhujia makers scale up with a shared packaging line",
        "GI-tagged snack reaches 18 countries",
        "Small bhujia makers in Bikaner increased exports to 18 countries after ODOP support for nitrogen-flushed packaging and food-safety certification.",
        [
            "Bikaneri bhujia, a crisp snack of moth bean flour and spices, carries a GI tag. Large brands dominate exports, while hundreds of small makers sold only locally because their packs went stale.",
            "A shared nitrogen-flushing packaging line and laboratory tests for shelf life let small makers ship abroad. Women workers make up most of the hand-sorting and packing teams.",
        ],
        "Our bhujia is as good as any big brand's. It only needed a packet that keeps it fresh for six months.",
        "Sushila Devi, bhujia unit owner",
        [("18", "", "Countries reached"), ("35", "₹ crore", "Annual turnover"), ("65", "%", "Women in the workforce")],
        _sellers("bikaneri-bhujia", "Bikaner Bhujia Udyog Sangh", "enterprise", "Thar Namkeen Mahila SHG", "shg"),
        ["snacks", "food processing", "GI tag", "exports"], ministry="Ministry of Food Processing Industries", palette=3,
    ),
    _story(
        "nagpur-orange", "Nagpur orange", "PIB Mumbai", (2024, 1, 24, 13, 0),
        "Nagpur orange growers add juice and candy to beat price crashes",
        "A processing unit at Katol buys fruit that used to go waste",
        "Orange growers' producer companies around Nagpur processed 3,500 tonnes of fruit into juice, candy and peel products, adding ₹8.4 crore to farm incomes.",
        [
            "The GI-tagged Nagpur orange is prized for its sweet-sour taste, but much of the harvest arrives in the market at once and small, marked fruit often went to waste.",
            "A processing unit at Katol, supported under ODOP and the PM Formalisation of Micro Food Processing Enterprises scheme, now buys graded fruit for juice, candy and dried peel sold on ONDC.",
        ],
        "The small oranges we used to throw away now come back to us as money.",
        "Vasant Thakre, orange grower, Katol",
        [("3500", "tonnes", "Produce sold"), ("8.4", "₹ crore", "Exports"), ("2600", "", "Artisans and farmers benefited")],
        _sellers("nagpur-orange", "Katol Orange Farmer Producer Company", "fpo", "Vidarbha Citrus Foods", "enterprise"),
        ["orange", "agriculture", "GI tag", "food processing"], support=FARM_SUPPORT, palette=4,
    ),
    _story(
        "solapur-chaddar", "Solapur chaddar", "PIB Mumbai", (2024, 2, 28, 11, 20),
        "Solapur chaddar weavers win hotel and railway contracts on GeM",
        "Cotton bedsheets and towels from powerlooms and handlooms",
        "Weavers of the GI-tagged Solapur chaddar won supply contracts worth ₹46 crore from hotels, hospitals and the railways through GeM.",
        [
            "Solapur has woven thick cotton chaddars, or bedsheets, and terry towels for over a century. Small weaving units struggled to compete with large mills for institutional orders.",
            "Registering on GeM let them bid for government supply contracts directly. Quality testing at a shared facility helped them meet the specifications of hospitals and the railways.",
        ],
        "We bid for a railway contract from our own office. A few years ago we did not know GeM existed.",
        "Mallikarjun Gajul, weaving unit owner",
        [("46", "₹ crore", "Orders through GeM and ONDC"), ("1900", "", "Artisans and farmers benefited"), ("30", "%", "Women in the workforce")],
        _sellers("solapur-chaddar", "Solapur Weavers Cooperative", "enterprise", "Siddheshwar Textiles", "enterprise"),
        ["cotton", "textiles", "GI tag", "GeM"], palette=5,
    ),
    _story(
        "kashmir-saffron", "Kashmir saffron", "PIB Delhi", (2024, 11, 5, 12, 0),
        "Pampore's saffron growers get better prices with GI-tag testing and e-auction",
        "The India International Kashmir Saffron Trading Centre certifies every lot",
        "Saffron growers of Pulwama sold GI-tagged Kashmir saffron through e-auctions at prices up to 30 percent higher after lots were tested and certified at the trading centre in Pampore.",
        [
            "Kashmir saffron, grown on the karewa plateaus of Pampore, has long red stigmas rich in crocin. Buyers were wary of adulterated saffron passed off under the Kashmir name.",
            "Every lot is now tested at the trading centre and sealed with the GI logo before e-auction. Buyers from across India bid online, and growers are paid directly.",
        ],
        "The test report speaks for our saffron. Buyers no longer argue about the price.",
        "Abdul Majeed Wani, saffron grower, Pampore",
        [("30", "%", "Rise in price"), ("16000", "", "Artisans and farmers benefited"), ("3.2", "₹ crore", "Orders through GeM and ONDC")],
        _sellers("kashmir-saffron", "Pampore Saffron Growers Association", "fpo", "Karewa Saffron Co.", "farmer"),
        ["saffron", "agriculture", "GI tag"], support=FARM_SUPPORT, palette=6,
    ),
    _story(
        "kashmir-papier-mache", "Kashmir papier-mache", "PIB Delhi", (2024, 12, 2, 12, 30),
        "Srinagar's papier-mache artists paint Christmas ornaments for the world",
        "Export orders keep workshops busy through the winter",
        "Papier-mache artists in Srinagar shipped ₹25 crore of hand-painted Christmas ornaments and boxes this season, with ODOP support for design and export fairs.",
        [
            "Kashmiri papier-mache, made from layered paper pulp and painted with fine brushes, is one of the valley's oldest crafts. Christmas ornaments have become its largest export line.",
            "Artisans showed new designs at export fairs supported under ODOP, and a QR-code GI label on each piece tells the buyer which workshop made it.",
        ],
        "Every bauble is painted by hand in Srinagar. Now the buyer in New York can know that.",
        "Fayaz Ahmad Jan, papier-mache artist",
        [("25", "₹ crore", "Exports"), ("1500", "", "Artisans and farmers benefited"), ("45", "%", "Women in the workforce")],
        _sellers("papier-mache", "Srinagar Papier-Mache Artisans", "artisan", "Dal Lake Crafts", "enterprise"),
        ["papier-mache", "handicrafts", "GI tag", "exports"], support=CRAFT_SUPPORT, palette=7,
    ),
    _story(
        "bhagalpur-silk", "Bhagalpur silk", "PIB Patna", (2024, 2, 9, 12, 0),
        "Bhagalpur tussar silk weavers find a national market on GeM",
        "Women-led groups supply stoles and sarees to government buyers",
        "Women-led self-help groups in Bhagalpur supplied tussar silk stoles and sarees worth ₹3.8 crore to government buyers through GeM, with ODOP design training.",
        [
            "Bhagalpur, the 'silk city' of Bihar, is known for tussar silk with a natural gold sheen. Its weavers had lost ground to cheaper fabrics and to middlemen in larger cities.",
            "Design training under ODOP introduced stoles and scarves suited to gifting. Registering on GeM opened orders from ministries and public sector companies across India.",
        ],
        "We supplied stoles to a ministry in Delhi. Our village had never sold outside Bihar.",
        "Rinki Devi, weaver and SHG leader, Nathnagar",
        [("3.8", "₹ crore", "Orders through GeM and ONDC"), ("650", "", "Artisans and farmers benefited"), ("75", "%", "Women in the workforce")],
        _sellers("bhagalpur-silk", "Nathnagar Tussar Mahila SHG", "shg", "Champanagar Silk House", "enterprise"),
        ["silk", "handloom", "women", "GeM"], palette=8,
    ),
    _story(
        "muzaffarpur-shahi-litchi", "Shahi litchi", "PIB Patna", (2024, 6, 3, 10, 45),
        "Muzaffarpur's shahi litchi reaches UK shelves within 48 hours of picking",
        "Air-freight trials and pre-cooling units extend a short season",
        "Litchi growers of Muzaffarpur exported GI-tagged shahi litchi to the United Kingdom for the first time, using pre-cooling units set up under ODOP.",
        [
            "The shahi litchi of Muzaffarpur is sweet and fragrant but lasts only a few days after picking. Most growers sold to traders in a rush during the three-week season.",
            "Pre-cooling and packing units near the orchards now let the fruit travel. The first air shipments reached supermarkets in the United Kingdom within 48 hours of harvest.",
        ],
        "Three weeks of season used to decide our whole year. Now we can plan.",
        "Bholanath Jha, litchi grower",
        [("500", "tonnes", "Exports"), ("3100", "", "Artisans and farmers benefited"), ("7.2", "₹ crore", "Annual turnover")],
        _sellers("shahi-litchi", "Muzaffarpur Litchi Growers FPO", "fpo", "Mithila Fresh", "enterprise"),
        ["litchi", "agriculture", "GI tag", "exports"], support=FARM_SUPPORT, palette=9,
    ),
    _story(
        "madhubani-painting", "Madhubani painting", "PIB Patna", (2024, 4, 24, 13, 30),
        "Madhubani painters earn from murals, sarees and online art sales",
        "Mithila art moves from village walls to railway stations and e-commerce",
        "Women Madhubani painters earned ₹4.5 crore last year from murals, painted textiles and online art sales, helped by ODOP training in pricing and e-commerce.",
        [
            "Madhubani or Mithila painting began on the mud walls of homes in north Bihar. Today it decorates railway stations, sarees and greeting cards across India.",
            "ODOP training taught artists to price their work, photograph it and sell online. Commissions for public murals, booked through GeM, provide income between festivals.",
        ],
        "My grandmother painted walls for weddings. I paint for buyers in Mumbai and Tokyo.",
        "Ranjana Jha, Madhubani artist, Jitwarpur",
        [("4.5", "₹ crore", "Annual turnover"), ("2200", "", "Artisans and farmers benefited"), ("90", "%", "Women in the workforce")],
        _sellers("madhubani-painting", "Jitwarpur Mithila Art Collective", "shg", "Mithila Chitra Studio", "artisan"),
        ["painting", "women", "handicrafts", "GI tag"], support=CRAFT_SUPPORT, palette=10,
    ),
    _story(
        "alleppey-coir", "Alleppey coir", "PIB Delhi", (2024, 1, 16, 12, 10),
        "Alleppey coir mats cover garden paths from Germany to Japan",
        "Geotextiles open a new market for coir cooperatives",
        "Coir cooperatives in Alappuzha sold ₹180 crore of GI-tagged Alleppey coir products, including geotextiles for road and slope protection, with ODOP export support.",
        [
            "Alappuzha has spun coconut husk fibre into mats, rugs and ropes for over a century. Synthetic floor coverings had cut into demand.",
            "Coir geotextiles, used to stop soil erosion on slopes and road embankments, have opened a large new market. Cooperatives have also listed mats and garden products on GeM and ONDC.",
        ],
        "The same fibre our mothers spun now holds hillsides in place.",
        "Sathi Kumari, coir cooperative worker",
        [("180", "₹ crore", "Exports"), ("12000", "", "Artisans and farmers benefited"), ("80", "%", "Women in the workforce")],
        _sellers("alleppey-coir", "Alappuzha Coir Cooperative Society", "enterprise", "Vembanad Coir Works", "enterprise"),
        ["coir", "exports", "women", "GI tag"], palette=11,
    ),
    _story(
        "koraput-kala-jeera", "Koraput kala jeera rice", "PIB Delhi", (2024, 10, 14, 11, 0),
        "Koraput's tribal farmers revive fragrant kala jeera rice",
        "GI-tagged 'prince of rice' sells online at three times the price of common rice",
        "Tribal farmers of Koraput sold GI-tagged kala jeera rice worth ₹2.4 crore through their producer company, after ODOP support for milling, packing and online listing.",
        [
            "Kala jeera, a small black-husked aromatic rice, is grown by tribal farmers in the hills of Koraput. It was at risk of disappearing as farmers switched to high-yield varieties.",
            "A producer company supported under ODOP mills and packs the rice and sells it online and through state emporia at prices that reward farmers for keeping the traditional variety.",
        ],
        "Our grandparents grew this rice. Now our children can earn from it too.",
        "Sunamani Gadaba, farmer, Koraput",
        [("2.4", "₹ crore", "Annual turnover"), ("1800", "", "Artisans and farmers benefited"), ("300", "tonnes", "Produce sold")],
        _sellers("kala-jeera", "Koraput Farmers Producer Company", "fpo", "Eastern Ghats Organics", "enterprise"),
        ["rice", "tribal", "agriculture", "GI tag"], support=FARM_SUPPORT, palette=0,
    ),
]

WORKSHOPS = [
    {
        "slug": "odop-sampark-lucknow",
        "title": "ODOP Sampark, Lucknow",
        "city": "Lucknow",
        "state": 9,
        "date": dt.date(2024, 1, 20),
        "venue": "Indira Gandhi Pratishthan, Lucknow",
        "summary": "An ODOP Sampark workshop for artisans, farmers and exporters from the districts of Uttar Pradesh, with seller onboarding desks for GeM and ONDC.",
        "stories": ["varanasi-banarasi-silk", "moradabad-brassware", "lucknow-chikankari"],
    },
    {
        "slug": "odop-sampark-chennai",
        "title": "ODOP Sampark, Chennai",
        "city": "Chennai",
        "state": 33,
        "date": dt.date(2024, 2, 24),
        "venue": "Chennai Trade Centre, Nandambakkam",
        "summary": "An ODOP Sampark workshop for artisans, farmers and exporters from the districts of Tamil Nadu, with a GI-tag help desk.",
        "stories": ["kanchipuram-silk", "thanjavur-art-plate", "madurai-malli"],
    },
    {
        "slug": "odop-sampark-kolkata",
        "title": "ODOP Sampark, Kolkata",
        "city": "Kolkata",
        "state": 19,
        "date": dt.date(2024, 3, 16),
        "venue": "Biswa Bangla Convention Centre, New Town",
        "summary": "An ODOP Sampark workshop for artisans, farmers and exporters from the districts of West Bengal and Bihar.",
        "stories": ["malda-mango", "darjeeling-tea", "bankura-terracotta", "bhagalpur-silk"],
    },
]

# Headlines and summaries translated one by one for the key stories.
# {story key: {locale: (headline, summary)}}
KEY_TRANSLATIONS: dict[str, dict[str, tuple[str, str]]] = {
    "varanasi-banarasi-silk": {
        "hi": (
            "वाराणसी के बनारसी रेशम बुनकर जेम और ओएनडीसी के माध्यम से देश भर के खरीदारों तक पहुँचे",
            "ओडीओपी प्रशिक्षण और विक्रेता पंजीकरण शिविरों से जुड़ने के बाद वाराणसी के 1,200 से अधिक हथकरघा बुनकरों ने ₹18.4 करोड़ की बनारसी रेशमी साड़ियाँ ऑनलाइन बेची हैं।",
        ),
        "ur": (
            "وارانسی کے بنارسی ریشم بُنکر جی ای ایم اور او این ڈی سی کے ذریعے ملک بھر کے خریداروں تک پہنچے",
            "او ڈی او پی تربیت اور فروخت کنندگان کی شمولیت کے کیمپوں سے جڑنے کے بعد وارانسی کے 1,200 سے زیادہ ہینڈلوم بُنکروں نے ₹18.4 کروڑ کی بنارسی ریشمی ساڑیاں آن لائن فروخت کی ہیں۔",
        ),
        "ta": (
            "வாரணாசியின் பனாரஸ் பட்டு நெசவாளர்கள் GeM, ONDC மூலம் நாடு முழுவதும் வாங்குபவர்களைச் சென்றடைகின்றனர்",
            "ODOP பயிற்சி மற்றும் விற்பனையாளர் பதிவு முகாம்களில் இணைந்த பின்னர், வாரணாசியைச் சேர்ந்த 1,200-க்கும் மேற்பட்ட கைத்தறி நெசவாளர்கள் ₹18.4 கோடி மதிப்பிலான பனாரஸ் பட்டுப் புடவைகளை இணையத்தில் விற்றுள்ளனர்.",
        ),
        "bn": (
            "বারাণসীর বেনারসি সিল্ক তাঁতিরা জেম ও ওএনডিসি-র মাধ্যমে সারা দেশের ক্রেতাদের কাছে পৌঁছেছেন",
            "ওডিওপি প্রশিক্ষণ ও বিক্রেতা নথিভুক্তি শিবিরে যোগ দেওয়ার পর বারাণসীর ১,২০০-রও বেশি তাঁতি অনলাইনে ১৮.৪ কোটি টাকার বেনারসি শাড়ি বিক্রি করেছেন।",
        ),
        "mr": (
            "वाराणसीचे बनारसी रेशीम विणकर जेम आणि ओएनडीसीद्वारे देशभरातील खरेदीदारांपर्यंत पोहोचले",
            "ओडीओपी प्रशिक्षण व विक्रेता नोंदणी शिबिरांमध्ये सहभागी झाल्यानंतर वाराणसीतील 1,200 हून अधिक हातमाग विणकरांनी ₹18.4 कोटींच्या बनारसी रेशमी साड्या ऑनलाइन विकल्या आहेत.",
        ),
    },
    "kanchipuram-silk": {
        "hi": (
            "कांचीपुरम रेशम सहकारी समिति ने जीआई टैग प्रमाणीकरण से ऑनलाइन बिक्री दोगुनी की",
            "जीआई टैग लेबल, फ़ोटोग्राफ़ी और मार्केटप्लेस लिस्टिंग के लिए ओडीओपी सहायता के बाद कांचीपुरम की एक बुनकर सहकारी समिति ने 2023-24 में ₹9.6 करोड़ की शुद्ध ज़री वाली रेशमी साड़ियाँ बेचीं।",
        ),
        "ur": (
            "کانچی پورم کی ریشم کوآپریٹو نے جی آئی ٹیگ کی تصدیق سے آن لائن فروخت دوگنی کر لی",
            "جی آئی ٹیگ لیبل، فوٹوگرافی اور مارکیٹ پلیس لسٹنگ کے لیے او ڈی او پی امداد کے بعد کانچی پورم کی ایک بُنکر کوآپریٹو نے 2023-24 میں ₹9.6 کروڑ کی خالص زری والی ریشمی ساڑیاں فروخت کیں۔",
        ),
        "ta": (
            "புவிசார் குறியீடு சான்றுடன் காஞ்சிபுரம் பட்டு கூட்டுறவுச் சங்கத்தின் இணைய விற்பனை இரட்டிப்பு",
            "புவிசார் குறியீட்டு முத்திரை, புகைப்படம், சந்தைத்தளப் பட்டியல் ஆகியவற்றுக்கான ODOP உதவிக்குப் பின், காஞ்சிபுரம் நெசவாளர் கூட்டுறவுச் சங்கம் 2023-24இல் ₹9.6 கோடி மதிப்பிலான தூய ஜரிகைப் பட்டுப் புடவைகளை விற்றது.",
        ),
        "bn": (
            "জিআই ট্যাগ প্রমাণীকরণে কাঞ্চীপুরম সিল্ক সমবায়ের অনলাইন বিক্রি দ্বিগুণ",
            "জিআই ট্যাগ লেবেল, ফটোগ্রাফি ও মার্কেটপ্লেস তালিকাভুক্তির জন্য ওডিওপি সহায়তার পর কাঞ্চীপুরমের একটি তাঁতি সমবায় ২০২৩-২৪ সালে ৯.৬ কোটি টাকার খাঁটি জরির সিল্ক শাড়ি বিক্রি করেছে।",
        ),
        "mr": (
            "जीआय टॅग प्रमाणीकरणामुळे कांचीपुरम रेशीम सहकारी संस्थेची ऑनलाइन विक्री दुप्पट",
            "जीआय टॅग लेबल, छायाचित्रण आणि मार्केटप्लेस सूचीसाठी ओडीओपी सहाय्य मिळाल्यानंतर कांचीपुरममधील एका विणकर सहकारी संस्थेने 2023-24 मध्ये ₹9.6 कोटींच्या शुद्ध जरीच्या रेशमी साड्या विकल्या.",
        ),
    },
    "malda-mango": {
        "hi": (
            "शीत-श्रृंखला सहायता से मालदा के आम उत्पादक नए बाज़ारों तक पहुँचे",
            "मालदा के किसान उत्पादक संगठनों ने इस मौसम में 2,400 टन फ़ज़ली और लक्ष्मणभोग आम दूसरे राज्यों और विदेशों के खरीदारों को भेजे और ₹14.2 करोड़ कमाए।",
        ),
        "ur": (
            "کولڈ چین کی مدد سے مالدہ کے آم کاشتکار نئی منڈیوں تک پہنچے",
            "مالدہ کی کسان پیداواری تنظیموں نے اس موسم میں 2,400 ٹن فضلی اور لکشمن بھوگ آم دوسری ریاستوں اور بیرونِ ملک کے خریداروں کو بھیجے اور ₹14.2 کروڑ کمائے۔",
        ),
        "ta": (
            "குளிர்பதனச் சங்கிலி உதவியுடன் மால்டா மாம்பழ விவசாயிகள் புதிய சந்தைகளுக்கு அனுப்புகின்றனர்",
            "மால்டாவின் உழவர் உற்பத்தியாளர் அமைப்புகள் இந்தப் பருவத்தில் 2,400 டன் ஃபஸ்லி, லக்ஷ்மண்போக் மாம்பழங்களைப் பிற மாநிலங்களுக்கும் வெளிநாடுகளுக்கும் அனுப்பி ₹14.2 கோடி ஈட்டியுள்ளன.",
        ),
        "bn": (
            "কোল্ড-চেন সহায়তায় মালদার আমচাষিরা নতুন বাজারে",
            "মালদার কৃষক উৎপাদক সংগঠনগুলি এই মরসুমে ২,৪০০ টন ফজলি ও লক্ষ্মণভোগ আম অন্যান্য রাজ্য ও বিদেশের ক্রেতাদের কাছে পাঠিয়ে ১৪.২ কোটি টাকা আয় করেছে।",
        ),
        "mr": (
            "शीतसाखळी सहाय्यामुळे मालद्याचे आंबा उत्पादक नव्या बाजारपेठांत",
            "मालद्यातील शेतकरी उत्पादक संस्थांनी या हंगामात 2,400 टन फजली व लक्ष्मणभोग आंबे इतर राज्यांतील व परदेशातील खरेदीदारांना पाठवून ₹14.2 कोटी कमावले.",
        ),
    },
    "bhagalpur-silk": {
        "hi": (
            "भागलपुर के तसर रेशम बुनकरों को जेम पर राष्ट्रीय बाज़ार मिला",
            "ओडीओपी डिज़ाइन प्रशिक्षण के साथ भागलपुर के महिला-नेतृत्व वाले स्वयं सहायता समूहों ने जेम के माध्यम से सरकारी खरीदारों को ₹3.8 करोड़ के तसर रेशमी स्टोल और साड़ियाँ आपूर्ति कीं।",
        ),
        "ur": (
            "بھاگلپور کے ٹسر ریشم بُنکروں کو جی ای ایم پر قومی منڈی مل گئی",
            "او ڈی او پی ڈیزائن تربیت کے ساتھ بھاگلپور کے خواتین کی قیادت والے سیلف ہیلپ گروپوں نے جی ای ایم کے ذریعے سرکاری خریداروں کو ₹3.8 کروڑ کے ٹسر ریشمی اسٹول اور ساڑیاں فراہم کیں۔",
        ),
        "ta": (
            "பாகல்பூர் டஸ்ஸர் பட்டு நெசவாளர்களுக்கு GeM-இல் தேசியச் சந்தை",
            "ODOP வடிவமைப்புப் பயிற்சியுடன், பாகல்பூரின் பெண்கள் தலைமையிலான சுயஉதவிக் குழுக்கள் GeM வழியாக அரசு வாங்குபவர்களுக்கு ₹3.8 கோடி மதிப்பிலான டஸ்ஸர் பட்டுச் சால்வைகளையும் புடவைகளையும் வழங்கியுள்ளன.",
        ),
        "bn": (
            "ভাগলপুরের তসর সিল্ক তাঁতিরা জেম-এ পেলেন জাতীয় বাজার",
            "ওডিওপি নকশা প্রশিক্ষণের সহায়তায় ভাগলপুরের মহিলা-পরিচালিত স্বনির্ভর গোষ্ঠীগুলি জেম-এর মাধ্যমে সরকারি ক্রেতাদের ৩.৮ কোটি টাকার তসর সিল্কের স্টোল ও শাড়ি সরবরাহ করেছে।",
        ),
        "mr": (
            "भागलपूरच्या टसर रेशीम विणकरांना जेमवर राष्ट्रीय बाजारपेठ",
            "ओडीओपी डिझाइन प्रशिक्षणासह भागलपूरमधील महिलांच्या नेतृत्वाखालील बचत गटांनी जेमद्वारे सरकारी खरेदीदारांना ₹3.8 कोटींचे टसर रेशमी स्टोल व साड्या पुरवल्या.",
        ),
    },
}

# One story translated in full into Hindi: every body segment, keyed by the
# English source text.
FULL_HINDI = {
    "Handloom clusters in Lohta and Sarai Mohana list over 3,000 sarees online": "लोहता और सराय मोहाना के हथकरघा क्लस्टरों ने 3,000 से अधिक साड़ियाँ ऑनलाइन सूचीबद्ध कीं",
    "For generations the weavers of Lohta and Sarai Mohana sold their sarees through a chain of middlemen in the old city. Under the One District One Product programme, the district industries centre set up seller onboarding camps where weavers photographed their work, wrote product descriptions and registered on the Government e-Marketplace and ONDC.": "पीढ़ियों से लोहता और सराय मोहाना के बुनकर अपनी साड़ियाँ पुराने शहर के बिचौलियों की एक लंबी कड़ी के ज़रिए बेचते आए थे। एक जिला एक उत्पाद कार्यक्रम के तहत ज़िला उद्योग केंद्र ने विक्रेता पंजीकरण शिविर लगाए, जहाँ बुनकरों ने अपने काम की तस्वीरें लीं, उत्पाद-विवरण लिखे और सरकारी ई-मार्केटप्लेस (जेम) तथा ओएनडीसी पर पंजीकरण कराया।",
    "The GI tag for Banarasi brocades and sarees now appears on every listing, and a QR code on each saree tells buyers which cluster wove it. Weavers say the direct orders have shortened payment cycles from months to days.": "बनारसी ब्रोकेड और साड़ियों का जीआई टैग अब हर लिस्टिंग पर दिखता है, और हर साड़ी पर लगा क्यूआर कोड खरीदार को बताता है कि उसे किस क्लस्टर ने बुना। बुनकरों का कहना है कि सीधे ऑर्डर मिलने से भुगतान अब महीनों के बजाय दिनों में हो जाता है।",
    "My daughter photographs the sarees and answers orders on her phone. We get paid within a week now.": "मेरी बेटी साड़ियों की तस्वीरें खींचती है और फ़ोन पर ऑर्डर का जवाब देती है। अब हमें एक हफ़्ते के भीतर भुगतान मिल जाता है।",
    "Abdul Rahman, master weaver, Lohta": "अब्दुल रहमान, मास्टर बुनकर, लोहता",
    "Lohta Handloom Weavers SHG": "लोहता हथकरघा बुनकर स्वयं सहायता समूह",
    "Kashi Brocade House": "काशी ब्रोकेड हाउस",
}
